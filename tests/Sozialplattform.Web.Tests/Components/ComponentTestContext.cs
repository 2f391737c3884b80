using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Web.Components.Fields;
using Sozialplattform.Web.Components.Form;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Tests.Components;

/// <summary>bUnit with the services field components use, and field models from a real sample definition.</summary>
public abstract class ComponentTestContext : BunitContext
{
    protected static readonly FormEngine AllTypes =
        FormEngine.Load(Path.Combine(Infrastructure.RepositoryPaths.Samples, "forms", "alle-feldtypen", "1.0.0", "form.json")).Engine!;

    protected ComponentTestContext(string language = "de")
    {
        var request = new PortalRequest(new ChromeTexts());
        request.Use(PortalLanguage.Find(language)!);
        Services.AddSingleton(request);
        Services.AddSingleton(FieldComponentRegistry.WithBuiltIns());
    }

    protected static FieldModel Model(string key, System.Text.Json.Nodes.JsonObject? answers = null, IReadOnlyList<string>? errors = null)
    {
        var state = AllTypes.Evaluate(answers ?? [])[key]!;
        return new FieldModel((FieldDefinition)state.Definition, key, state, errors ?? [], []);
    }
}

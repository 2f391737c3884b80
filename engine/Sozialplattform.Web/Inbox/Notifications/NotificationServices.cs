using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>Registers the applicant e-mails; the sender runs only when SMTP is configured and this process runs the dispatcher.</summary>
public static class NotificationServices
{
    public static WebApplicationBuilder AddApplicantNotifications(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        if (options.TemplatesDirectory.Length > 0)
            options = options with { TemplatesDirectory = Path.GetFullPath(options.TemplatesDirectory, builder.Environment.ContentRootPath) };
        var services = builder.Services;
        services.AddSingleton(options);
        var locator = new TemplateLocator(options.TemplatesDirectory.Length > 0 ? options.TemplatesDirectory : null);
        services.AddSingleton(locator);
        services.AddSingleton(new TemplateRenderer(locator));
        services.AddSingleton<StatusMailComposer>();
        services.AddSingleton<Submissions.SubmissionConfirmation>();
        // After the delivery's plain text (registered with the outbox): the e-mail to the authority from the version's templates.
        services.AddSingleton<Sozialplattform.Delivery.Channels.IDeliveryTextRenderer, Submissions.TemplatedDeliveryTexts>();
        services.AddSingleton<QueuedMailComposer>();
        services.AddSingleton<CaseNews>();
        services.AddSingleton<NotificationDispatcher>();
        var runDispatcher = builder.Configuration.GetSection(PortalOptions.Section).GetValue(nameof(PortalOptions.RunDispatcher), true);
        if (options.Enabled && runDispatcher) services.AddHostedService<NotificationDispatcherService>();
        return builder;
    }
}

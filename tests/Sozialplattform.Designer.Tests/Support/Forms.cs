using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Tests.Support;

/// <summary>Small definitions for tests, built as JSON.</summary>
public static class Forms
{
    /// <summary>A valid form: a yes/no question and a repeating group of children with a per-row rule.</summary>
    public static JsonObject Household(string id = "probe", string version = "1.0.0") => (JsonObject)JsonNode.Parse($$"""
        {
          "id": "{{id}}",
          "version": "{{version}}",
          "status": "draft",
          "languages": ["de", "en"],
          "title": {"de": "Probe", "en": "Trial"},
          "pages": [
            {
              "id": "start",
              "title": {"de": "Start", "en": "Start"},
              "items": [
                {"key": "hatKinder", "type": "yesNo", "label": {"de": "Haben Sie Kinder?", "en": "Do you have children?"}, "required": true},
                {
                  "key": "kinder",
                  "type": "group",
                  "title": {"de": "Kinder", "en": "Children"},
                  "visibleIf": "hatKinder === true",
                  "repeat": {"min": 1, "max": 5},
                  "items": [
                    {"key": "vorname", "type": "text", "label": {"de": "Vorname", "en": "First name"}, "required": true},
                    {"key": "alter", "type": "integer", "label": {"de": "Alter", "en": "Age"}, "min": 0, "max": 30},
                    {"key": "schule", "type": "text", "label": {"de": "Schule", "en": "School"}, "visibleIf": "alter >= 6"}
                  ]
                }
              ]
            }
          ]
        }
        """)!;
}

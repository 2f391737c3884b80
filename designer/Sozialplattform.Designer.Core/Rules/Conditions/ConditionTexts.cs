namespace Sozialplattform.Designer.Rules.Conditions;

/// <summary>The German text of a condition problem, as the designer shows it (its pages are German).</summary>
public static class ConditionTexts
{
    public static string Reason(ConditionProblem problem)
    {
        string Argument(int i) => i < problem.Arguments.Count ? problem.Arguments[i] : "";
        return problem.Code switch
        {
            "syntax" => $"Syntaxfehler in Zeile {Argument(1)}, Spalte {Argument(2)}: {Argument(0)}",
            "computed-value" => $"Der Vergleichswert „{Argument(0)}“ wird berechnet; die Bedingung vergleicht nur mit festen Werten.",
            "not-an-answer" => $"„{Argument(0)}“ ist keine Antwort, sondern eine Berechnung (z. B. über die Zeilen einer Gruppe).",
            "negation" => $"„{Argument(0)}“ verneint eine ganze Bedingung; das kann die Bedingung nicht darstellen.",
            "helper" => $"Die Hilfsfunktion in „{Argument(0)}“ kann die Bedingung nicht darstellen.",
            "not-a-comparison" => $"„{Argument(0)}“ ist kein Vergleich (Feld — Bedingung — Wert).",
            "operator" => $"Der Vergleich „{Argument(0)}“ passt zu keiner Bedingung der Auswahl.",
            "value" => $"Der Wert „{Argument(0)}“ passt nicht zu dieser Bedingung.",
            "field-invalid" => $"„{Argument(0)}“ ist kein Feldschlüssel.",
            "value-count" => $"„{Argument(0)} {Argument(1)}“ braucht eine andere Anzahl von Werten (angegeben: {Argument(2)}).",
            "value-kind" => $"„{Argument(2)}“ ist für „{Argument(0)} {Argument(1)}“ der falsche Wert (Zahl, Text oder Datum).",
            "value-not-a-number" => $"„{Argument(1)}“ ist keine Zahl (Beispiel: 1250.50).",
            "value-not-a-date" => $"„{Argument(1)}“ ist kein Datum (JJJJ-MM-TT).",
            "measure-operator" => $"„{Argument(1)}“ passt nicht zu einem berechneten Wert aus „{Argument(0)}“ (ist, ist nicht, größer, kleiner).",
            "argument-invalid" => $"Für den berechneten Wert aus „{Argument(0)}“ fehlt die Spalte oder das zweite Datum („{Argument(1)}“).",
            "answer-invalid" => $"„{Argument(1)}“ ist keine Antwort, mit der „{Argument(0)}“ verglichen werden kann.",
            "group-too-small" => "Eine Gruppe braucht mindestens zwei Bedingungen.",
            _ => problem.Code,
        };
    }
}

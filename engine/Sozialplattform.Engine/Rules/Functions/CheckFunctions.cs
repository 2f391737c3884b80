namespace Sozialplattform.Engine.Rules;

/// <summary>Helpers that check answers: emptiness, choices and formats.</summary>
public static class CheckFunctions
{
    public static RuleFunctionRegistry WithCheckFunctions(this RuleFunctionRegistry registry) => registry
        .Add(new("checks", "isEmpty", "isEmpty(x)", "True for no answer: null, an empty text, an empty list, or an object whose parts are all empty.", "isEmpty(telefon) && isEmpty(email)",
            """
            function isEmpty(x) {
              if (x === null || x === undefined) return true;
              if (typeof x === 'string') return x.trim() === '';
              if (Array.isArray(x)) return x.length === 0;
              if (typeof x === 'object') { for (var k in x) if (!isEmpty(x[k])) return false; return true; }
              return false;
            }
            """))
        .Add(new("checks", "isFilled", "isFilled(x)", "The opposite of `isEmpty(x)`.", "isFilled(zweitname)",
            "function isFilled(x) { return !isEmpty(x); }"))
        .Add(new("checks", "countFilled", "countFilled(a, b, …)", "How many of the given answers are filled (e.g. exactly one of an Auswahlgruppe).", "countFilled(steuerId, sozialversicherungsnummer) === 1",
            "function countFilled() { var n = 0; for (var i = 0; i < arguments.length; i++) if (!isEmpty(arguments[i])) n++; return n; }"))
        .Add(new("checks", "has", "has(list, code)", "True if the multiple-choice answer `list` contains `code`.", "has(leistungen, 'mittagessen')",
            "function has(list, code) { return Array.isArray(list) && list.indexOf(code) >= 0; }"))
        .Add(new("checks", "isIban", "isIban(x)", "True for a valid IBAN (country length and ISO 13616 checksum; spaces allowed).", "isIban(iban)",
            """
            function isIban(x) {
              if (typeof x !== 'string') return false;
              var s = x.replace(/ /g, '').toUpperCase();
              var lengths = { AD:24,AE:23,AL:28,AT:20,AZ:28,BA:20,BE:16,BG:22,BH:22,BR:29,BY:28,CH:21,CR:22,CY:28,CZ:24,DE:22,DK:18,DO:28,EE:20,EG:29,ES:24,FI:18,FO:18,FR:27,GB:22,GE:22,GI:23,GL:18,GR:27,GT:28,HR:21,HU:28,IE:22,IL:23,IQ:23,IS:26,IT:27,JO:30,KW:30,KZ:20,LB:28,LC:32,LI:21,LT:20,LU:20,LV:21,MC:27,MD:24,ME:22,MK:19,MR:27,MT:31,MU:30,NL:18,NO:15,PK:24,PL:28,PS:29,PT:25,QA:29,RO:24,RS:22,SA:24,SC:31,SE:24,SI:19,SK:24,SM:27,ST:25,SV:28,TL:23,TN:24,TR:26,UA:29,VA:22,VG:24,XK:20 };
              if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(s) || lengths[s.slice(0, 2)] !== s.length) return false;
              var r = 0, t = s.slice(4) + s.slice(0, 4);
              for (var i = 0; i < t.length; i++) { var c = t.charCodeAt(i), v = c >= 65 ? c - 55 : c - 48; r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97; }
              return r === 1;
            }
            """))
        .Add(new("checks", "isBic", "isBic(x)", "True for a BIC of 8 or 11 characters.", "isBic(bic)",
            "function isBic(x) { return typeof x === 'string' && /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(x.replace(/ /g, '').toUpperCase()); }"))
        .Add(new("checks", "isEmail", "isEmail(x)", "True for something that looks like an e-mail address.", "isEmail(kontakt)",
            "function isEmail(x) { return typeof x === 'string' && /^[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s.]+(\\.[^@\\s.]+)+$/.test(x.trim()); }"))
        .Add(new("checks", "isPostalCode", "isPostalCode(x)", "True for a five-digit German postal code.", "isPostalCode(plz)",
            "function isPostalCode(x) { return typeof x === 'string' && /^[0-9]{5}$/.test(x); }"));
}

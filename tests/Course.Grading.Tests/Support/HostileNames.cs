namespace Course.Grading.Tests.Support;

/// <summary>
/// Student ids a submission's file name can carry, one per way a name can attack where it is written or used: CSV
/// formulas, HTML, Markdown, terminal control, paths and the run's own files. Theories take the label (xunit shows
/// and serialises it safely) and look the id up.
/// </summary>
internal static class HostileNames
{
    /// <summary>Label to id.</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        ["comma"] = "a,b",
        ["quoted"] = "\"quoted\"",
        ["formula"] = "=HYPERLINK(\"http://x\")",
        ["at-formula"] = "@SUM(1)",
        ["plus"] = "+1",
        ["minus"] = "-1",
        ["leading-quote"] = "'quoted",
        ["tab"] = "\tTAB",
        ["carriage-return"] = "\rCR",
        ["newline"] = "line\nbreak",
        ["ansi"] = "\u001b[31mred",
        ["c1-csi"] = "\u009b31mred",
        ["nul"] = "nul\0byte",
        ["bidi-override"] = "\u202Egnp.exe",
        ["script"] = "<script>alert(1)</script>",
        ["attribute"] = "\" onmouseover=\"alert(1)",
        ["entity"] = "&lt;b&gt;",
        ["markdown"] = "*bold* | [x](javascript:alert(1))",
        ["image"] = "![x](http://example.com/x.png)",
        ["bare-url"] = "http://example.com/x",
        ["backticks"] = "`code` ``",
        ["dot-dot"] = "..",
        ["dot"] = ".",
        ["dots"] = "...",
        ["trailing-dot"] = "amy.",
        ["spaces"] = "   ",
        ["slash"] = "a/../../b",
        ["backslash"] = @"..\..\evil",
        ["absolute"] = "/etc/passwd",
        ["summary"] = "summary.html",
        ["gradebook"] = "gradebook.csv",
        ["summary-other-case"] = "Summary.HTML",
        ["gradebook-temporary"] = "gradebook.csv.1.tmp",
        ["option"] = "--no-sandbox",
        ["long"] = new string('x', 300),
        ["long-unicode"] = string.Concat(Enumerable.Repeat("ü", 200)),
        ["unicode"] = "ünïcödé",
        ["device"] = "CON",
        ["device-extension"] = "nul.txt",
    };

    /// <summary>Every label, for a theory.</summary>
    public static TheoryData<string> Labels => [.. Ids.Keys];
}

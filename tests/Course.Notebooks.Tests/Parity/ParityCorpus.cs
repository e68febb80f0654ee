namespace Course.Notebooks.Tests.Parity;

/// <summary>
/// The cells that show how a notebook can tell one C# kernel from another: default usings, top-level declarations
/// and their redefinition, references, magic commands, displays and trailing values of common types, console
/// output, compile errors and exceptions. They run in order, as one notebook.
/// </summary>
public static class ParityCorpus
{
    /// <summary>The relative path of the library the corpus references with <c>#r</c>, from the session's folder.</summary>
    public const string RelativeLibrary = "lib/TinyTorch.dll";

    /// <summary>The cells, in order.</summary>
    public static IReadOnlyList<ParityCase> Cases { get; } =
    [
        // Default usings: exactly System, System.Text, System.Collections(.Generic), System.Threading.Tasks, System.Linq.
        new("an int result", "1 + 1"),
        new("a string result", "\"text\""),
        new("System.Text is imported", "typeof(StringBuilder).Name"),
        new("System.Collections is imported", "new ArrayList()"),
        new("System.Collections.Generic is imported", "new List<int> { 1, 2, 3 }"),
        new("System.Linq is imported", "Enumerable.Range(0, 30).ToList()"),
        new("System.Threading.Tasks is imported", "await Task.Delay(1);\n7"),
        new("System.IO is not imported", "Path.Combine(\"a\", \"b\")"),
        new("System.Threading is not imported", "Thread.Sleep(1);"),
        new("a using carries over", "using System.IO;\nPath.GetFileName(\"/a/b.txt\")"),
        new("to later cells", "Path.GetFileName(\"/c/d.txt\")"),

        // Top-level declarations and their redefinition.
        new("a variable", "var x = 5;"),
        new("read in a later cell", "x"),
        new("assigned again", "x = x * 2;\nx"),
        new("a method", "int Twice(int n) => n * 2;\nTwice(21)"),
        new("the method redefined", "int Twice(int n) => n * 3;\nTwice(2)"),
        new("a class with ToString", "class P { public int X = 3; public override string ToString() => \"P!\"; }\nnew P()"),
        new("the class redefined", "class P { public int Y = 4; }\nnew P().Y"),
        new("a record", "record R(int A, string B);\nnew R(1, \"b\")"),
        new("an async local function", "async Task<int> Later() { await Task.Yield(); return 5; }\nawait Later()"),
        new("unsafe code", "unsafe { int a = 1; int* p = &a; Console.Write(*p); }"),

        // References.
        new("#r of a relative path", $"#r \"{RelativeLibrary}\"\nTinyTorch.Tensor.Zeros(2, 3).Size(1)"),
        new("#r of a missing file", "#r \"missing.dll\"\n1"),
        new("a framework assembly not referenced by name", "new System.Numerics.Complex(1, 2)"),

        // Trailing values and displays of common types.
        new("null", "null"),
        new("a double", "3.14"),
        new("a fraction", "1.0 / 3"),
        new("a decimal", "decimal.One / 3"),
        new("a char", "'c'"),
        new("a bool", "true"),
        new("an array", "new[] { 1.5, 2.5 }"),
        new("an empty array", "new int[0]"),
        new("a dictionary", "new Dictionary<string, int> { [\"a\"] = 1 }"),
        new("a tuple", "(1, \"a\")"),
        new("a DateTime", "DateTime.MinValue"),
        new("a TimeSpan", "TimeSpan.FromSeconds(1.5)"),
        new("a Type", "typeof(int)"),
        new("a Guid", "Guid.Empty"),
        new("a StringBuilder", "new StringBuilder(\"sb\")"),
        new("an interpolated string", "$\"interp {x}\""),
        new("a string with a newline", "\"multi\\nline\""),
        new("an anonymous object", "new { Name = \"a\", Values = new[] { 1, 2 } }"),
        new("display of an anonymous object", "display(new { A = 1, B = \"x\" });"),
        new("display of a string", "display(\"<b>x</b>\");"),
        new("display in a given MIME type", "display(\"<b>x</b>\", \"text/html\");"),
        new("display of HTML", "display(HTML(\"<b>x</b>\"));", Difference: "html-helper-warning"),
        new("display, then updating what it returned", "var shown = display(1);\nshown.Update(2);"),

        // Console output.
        new("a line", "Console.WriteLine(\"hi\");"),
        new("text without a newline", "Console.Write(\"no newline\")"),
        new("stdout and stderr interleaved", "Console.Write(\"a\"); Console.Error.WriteLine(\"err\"); Console.WriteLine(\"b\");"),
        new("output and then a value", "Console.WriteLine(1); 42"),

        // Magic commands.
        new("#!time", "#!time\nvar timed = 1;"),
        new("#!csharp", "#!csharp\n5"),
        new("#!time then a compile error", "#!time\nundefinedAfterMagic"),
        new("an unknown magic command", "#!nosuch", Difference: "unknown-magic-stream"),
        new("another language's kernel", "#!fsharp\n7", Difference: "csharp-only"),
        new("#!lsmagic", "#!lsmagic", Difference: "csharp-only"),

        // Compile errors, warnings and exceptions.
        new("an undefined name", "undefinedName"),
        new("two compile errors", "int y = \"text\";\nundefined();"),
        new("a warning in a cell that runs", "Task.FromResult(3)"),
        new("an exception", "throw new InvalidOperationException(\"boom\");"),
        new("an exception from a method", "void Fails() => throw new ArgumentException(\"bad arg\", \"p\");\nFails();"),
        new("output, then an exception", "Console.WriteLine(\"loading\");\nthrow new Exception(\"late\");"),
        new("state after an exception", "x + 1"),
    ];
}

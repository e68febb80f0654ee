using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Withhold.Tests.Support;

/// <summary>Compiles C# against the TinyTorch of a load context and loads it there, as the runner's kernel compiles a notebook's cells.</summary>
internal static class StudentCode
{
    /// <summary>Compiles <paramref name="source"/> against <paramref name="context"/>'s TinyTorch and loads it into that context.</summary>
    /// <exception cref="InvalidOperationException">The code does not compile against that TinyTorch (the message lists the errors).</exception>
    public static Assembly Compile(EditionLoadContext context, string source)
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtime, StringComparison.Ordinal))
            .Append(Path.Combine(context.Folder, "TinyTorch.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Student" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("Student code does not compile against " + context.Folder + ":\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        return context.LoadFromStream(image);
    }
}

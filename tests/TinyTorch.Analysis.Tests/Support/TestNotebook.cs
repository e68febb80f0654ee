using System.Text.Json.Nodes;

namespace TinyTorch.Analysis.Tests.Support;

/// <summary>A C# notebook written for a test, and the outputs of its executed copy.</summary>
internal static class TestNotebook
{
    /// <summary>
    /// A <c>#r</c> line for an assembly of this test's output folder, where the build put TinyTorch.Analysis.dll
    /// with its <c>plotly</c> folder, as notebooks/lib has them.
    /// </summary>
    public static string Reference(string assemblyFile) =>
        $"#r \"{Path.Combine(AppContext.BaseDirectory, assemblyFile).Replace('\\', '/')}\"";

    /// <summary>Writes a notebook of C# code cells for the <c>.net-csharp</c> kernel.</summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Write(string path, params string[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = $"cell-{i}",
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>Each cell's outputs, in cell order.</summary>
    public static JsonObject[][] Outputs(string executedPath) =>
        JsonNode.Parse(File.ReadAllText(executedPath))!["cells"]!.AsArray()
            .Select(cell => (cell!["outputs"]?.AsArray() ?? []).Select(o => o!.AsObject()).ToArray())
            .ToArray();

    /// <summary>An output's text in one MIME type (nbformat stores it as a string or a list of lines), or null.</summary>
    public static string? Data(JsonObject output, string mimeType) =>
        output["data"]?[mimeType] switch
        {
            JsonArray lines => string.Concat(lines.Select(line => line!.GetValue<string>())),
            JsonValue text => text.GetValue<string>(),
            _ => null,
        };

    /// <summary>Every error output, as "name: value" lines, for an assertion's message.</summary>
    public static string[] Errors(IEnumerable<JsonObject[]> outputs) =>
        outputs.SelectMany(o => o).Where(o => o["output_type"]!.GetValue<string>() == "error")
            .Select(e => $"{e["ename"]}: {e["evalue"]}").ToArray();
}

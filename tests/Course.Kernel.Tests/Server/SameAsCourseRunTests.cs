using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using Course.Kernel.Tests.Support;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;

namespace Course.Kernel.Tests.Server;

/// <summary>One engine: a notebook's cells give the same outputs through the kernel as through <c>course run</c>'s runner.</summary>
public sealed class SameAsCourseRunTests
{
    private static readonly string[] Cells =
    [
        "#r \"../lib/TinyTorch.dll\"\nusing TinyTorch;\ntypeof(Tensor).Name",
        "Console.WriteLine(\"hi\");\nConsole.Error.Write(\"warn\");\ndisplay(new { A = 1, B = \"<b>\" });\nnew[] { 1, 2 }",
        "record Chart(string Title) { public string ToHtml() => $\"<div class='chart'>{Title}</div>\"; }\nnew Chart(\"loss\")",
        "#!time\nvar h = display(\"epoch 1\");\nh.Update(\"epoch 2\");",
        "int Divide(int a, int b) => a / b;\nDivide(1, 0)",
    ];

    [Fact]
    public async Task The_kernel_and_the_runner_produce_the_same_outputs()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("lib"));
        Directory.CreateDirectory(folder.File("nb"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TinyTorch.dll"), folder.File("lib/TinyTorch.dll"));

        Notebook notebook = Notebook.CreatePolyglot();
        for (int i = 0; i < Cells.Length; i++)
        {
            notebook.Cells.Add(Cell.CreateCode(Cells[i], $"c{i + 1}"));
        }

        NotebookRunResult run = await new NotebookRunner(new NotebookRunOptions { KeepGoing = true }).RunAsync(notebook, folder.File("nb"));
        using var kernel = new InProcessKernel(folder.File("nb"));

        for (int i = 0; i < Cells.Length; i++)
        {
            var (_, iopub) = kernel.Client.Execute(Cells[i]);
            string[] fromRunner = run.Executed.Cells[i].Outputs.Select(Describe).ToArray();
            string[] fromKernel = AsSaved(iopub).Select(Describe).ToArray();
            Assert.Equal(fromRunner, fromKernel);
        }
    }

    /// <summary>The outputs as a front end saves them (as nbclient does): updates applied to their displays.</summary>
    private static List<JupyterMessage> AsSaved(IEnumerable<JupyterMessage> iopub)
    {
        var saved = new List<JupyterMessage>();
        foreach (JupyterMessage message in iopub)
        {
            if (message.MessageType == "update_display_data")
            {
                string id = DisplayId(message)!;
                int index = saved.FindIndex(m => DisplayId(m) == id);
                saved[index] = message;
            }
            else if (message.MessageType is "stream" or "display_data" or "execute_result" or "error")
            {
                saved.Add(message);
            }
        }

        return saved;

        static string? DisplayId(JupyterMessage m) => m.Content["transient"]?["display_id"]?.GetValue<string>();
    }

    /// <summary>An output as comparable text: its type, stream text or MIME bundle, error; timings blanked.</summary>
    private static string Describe(Output output) => output.Kind switch
    {
        OutputKind.Stream => $"stream {output.StreamName}: {output.Text}",
        OutputKind.DisplayData or OutputKind.ExecuteResult => $"{Type(output.Kind)}: {Bundle(output.Data!.Select(p => (p.Key, p.Value)))}",
        OutputKind.Error => $"error {output.ErrorName}: {output.ErrorValue} | {string.Join(" | ", output.Traceback)}",
        _ => output.Kind.ToString(),
    };

    private static string Describe(JupyterMessage message) => message.MessageType switch
    {
        "stream" => $"stream {message.ContentString("name")}: {message.ContentString("text")}",
        "error" => $"error {message.ContentString("ename")}: {message.ContentString("evalue")} | "
            + string.Join(" | ", message.Content["traceback"]!.AsArray().Select(line => line!.GetValue<string>())),
        _ => $"{(message.MessageType == "update_display_data" ? "display_data" : message.MessageType)}: {Bundle(message.Content["data"]!.AsObject().Select(p => (p.Key, p.Value is JsonValue v && v.TryGetValue(out string? s) ? s : p.Value!.ToJsonString())))}",
    };

    private static string Type(OutputKind kind) => kind == OutputKind.DisplayData ? "display_data" : "execute_result";

    private static string Bundle(IEnumerable<(string Mime, string Text)> data) =>
        string.Join(" ; ", data.OrderBy(p => p.Mime, StringComparer.Ordinal).Select(p =>
            $"{p.Mime}={(p.Text.StartsWith("Wall time:", StringComparison.Ordinal) ? "Wall time" : p.Text)}"));
}

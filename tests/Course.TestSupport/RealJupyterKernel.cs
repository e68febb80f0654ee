using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.DotNetInteractive;

namespace Course.TestSupport;

/// <summary>
/// The real .NET Interactive kernel as Jupyter runs it: its <c>.net-csharp</c> kernelspec, written by the tool's
/// own <c>jupyter install</c> into a private JUPYTER_PATH (no global state) and pointed at the tool's executable,
/// and <c>jupyter nbconvert --execute</c> with it, exactly as a student's Jupyter would run a notebook.
/// </summary>
public sealed class RealJupyterKernel : IDisposable
{
    /// <summary>Debian's Jupyter launcher.</summary>
    public const string Jupyter = "/usr/bin/jupyter";

    /// <summary>The kernel name the notebooks' metadata asks for.</summary>
    public const string KernelName = ".net-csharp";

    private readonly TempFolder _home = new("course-real-kernel-");

    private RealJupyterKernel()
    {
    }

    /// <summary>Installs the kernelspec into a private folder.</summary>
    /// <returns>The installation.</returns>
    public static async Task<RealJupyterKernel> InstallAsync()
    {
        string tool = DotNetInteractiveTool.Find();
        var kernel = new RealJupyterKernel();
        string kernels = Path.Combine(kernel._home.Path, "share", "jupyter", "kernels");
        Directory.CreateDirectory(kernels);
        var (code, output) = await RunAsync(tool, ["jupyter", "install", "--path", kernels], kernel._home.Path, kernel.Environment(), TimeSpan.FromMinutes(2));
        string spec = Path.Combine(kernels, KernelName, "kernel.json");
        if (code != 0 || !File.Exists(spec))
        {
            throw new InvalidOperationException($"dotnet-interactive jupyter install failed ({code}): {output}");
        }

        // The tool writes argv "dotnet interactive ...", which needs a global install; run this copy instead.
        JsonObject json = JsonNode.Parse(File.ReadAllText(spec))!.AsObject();
        JsonArray argv = json["argv"]!.AsArray();
        var rest = argv.Skip(2).Select(a => (JsonNode?)a!.GetValue<string>()).ToArray();
        json["argv"] = new JsonArray([(JsonNode?)tool, .. rest]);
        File.WriteAllText(spec, json.ToJsonString());
        return kernel;
    }

    /// <summary>
    /// Executes notebooks with <c>jupyter nbconvert --to notebook --execute --allow-errors</c>, each kernel started
    /// in its notebook's folder, and returns the executed copies' paths in <paramref name="outputFolder"/>.
    /// </summary>
    /// <param name="notebooks">The notebooks.</param>
    /// <param name="outputFolder">Where the executed copies go.</param>
    /// <param name="cellTimeout">The per-cell limit.</param>
    /// <returns>The executed copies, in the order given.</returns>
    public async Task<IReadOnlyList<string>> ExecuteAsync(IEnumerable<string> notebooks, string outputFolder, TimeSpan cellTimeout)
    {
        var copies = new List<string>();
        foreach (string notebook in notebooks)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(notebook))!;
            var (code, output) = await RunAsync(
                Jupyter,
                [
                    "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                    $"--ExecutePreprocessor.kernel_name={KernelName}",
                    $"--ExecutePreprocessor.timeout={(int)cellTimeout.TotalSeconds}",
                    "--output-dir", outputFolder, Path.GetFullPath(notebook),
                ],
                folder,
                Environment(),
                TimeSpan.FromMinutes(15));
            string copy = Path.Combine(outputFolder, Path.GetFileName(notebook));
            if (code != 0 || !File.Exists(copy))
            {
                throw new InvalidOperationException($"nbconvert failed on {notebook} ({code}): {output}");
            }

            copies.Add(copy);
        }

        return copies;
    }

    /// <inheritdoc />
    public void Dispose() => _home.Dispose();

    private Dictionary<string, string> Environment() => new()
    {
        ["JUPYTER_PATH"] = Path.Combine(_home.Path, "share", "jupyter"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(_home.Path, "data"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(_home.Path, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(_home.Path, "config"),
        ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    private static async Task<(int Code, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (text)
            {
                text.AppendLine($"[killed after {timeout}]");
            }
        }

        lock (text)
        {
            return (process.ExitCode, text.ToString());
        }
    }
}

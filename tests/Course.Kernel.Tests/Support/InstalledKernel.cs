using System.Diagnostics;
using System.Text;
using Course.Cli;

namespace Course.Kernel.Tests.Support;

/// <summary>
/// The kit's kernelspec installed with <c>course kernel install --prefix</c> into a temporary folder, and the
/// environment that makes Jupyter's tools find it (JUPYTER_PATH) and keep their files there too.
/// </summary>
public sealed class InstalledKernel : IDisposable
{
    private readonly TempFolder _prefix = new();

    private InstalledKernel(string name)
    {
        Name = name;
    }

    /// <summary>The kernel name, unique per test run so no real installation is touched.</summary>
    public string Name { get; }

    /// <summary>Installs the kernelspec.</summary>
    /// <returns>The installation.</returns>
    public static async Task<InstalledKernel> InstallAsync()
    {
        var kernel = new InstalledKernel("course-csharp-test-" + Guid.NewGuid().ToString("N")[..8]);
        var output = new StringWriter();
        int code = await CourseCommand.InvokeAsync(["kernel", "install", "--prefix", kernel._prefix.Path, "--name", kernel.Name], output, output);
        Assert.True(code == 0, output.ToString());
        return kernel;
    }

    /// <summary>Runs a Jupyter tool (Debian's python3 or jupyter) with this kernel on its path.</summary>
    /// <param name="fileName">The program, e.g. <c>/usr/bin/python3</c>.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <returns>The exit code and everything it printed.</returns>
    public async Task<(int Code, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
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

        start.Environment["JUPYTER_PATH"] = Path.Combine(_prefix.Path, "share", "jupyter");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(_prefix.Path, "data");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(_prefix.Path, "runtime");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(_prefix.Path, "config");
        start.Environment["COURSE_KERNEL_NAME"] = Name;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";

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

    /// <inheritdoc />
    public void Dispose() => _prefix.Dispose();
}

using Course.Kernel.Tests.Support;

namespace Course.Kernel.Tests.Jupyter;

/// <summary>
/// jupyter_kernel_test's standard suite (Debian's python3-jupyter-kernel-test) against the installed kernel,
/// started by jupyter_client from its kernelspec exactly as JupyterLab starts it. Mandatory in CI
/// (COURSE_REQUIRE_TOOLS=1); skipped with the reason elsewhere when the package is missing.
/// </summary>
public sealed class JupyterKernelTestSuiteTests
{
    /// <summary>The suite's tests this kernel has nothing for: paging and clear_output are not part of the engine.</summary>
    private static readonly string[] NotApplicable = ["test_pager", "test_clear_output"];

    [RequiresToolFact("/usr/bin/python3", "-c", "import jupyter_kernel_test, jupyter_client")]
    public async Task The_standard_kernel_test_suite_passes()
    {
        using InstalledKernel kernel = await InstalledKernel.InstallAsync();

        var (code, output) = await kernel.RunAsync(
            "/usr/bin/python3",
            ["-m", "unittest", "-v", "test_kernel"],
            Path.Combine(AppContext.BaseDirectory, "Jupyter"),
            TimeSpan.FromMinutes(5));

        Assert.True(code == 0, output);
        Assert.Contains("\nOK", output, StringComparison.Ordinal);
        string[] skipped = output.Split('\n')
            .Where(line => line.Contains("... skipped", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[0].Trim())
            .ToArray();
        Assert.True(skipped.All(NotApplicable.Contains), "unexpected skips:\n" + output);
    }
}

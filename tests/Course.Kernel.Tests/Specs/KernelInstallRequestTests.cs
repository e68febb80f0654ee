using Course.Kernel.Specs;

namespace Course.Kernel.Tests.Specs;

public sealed class KernelInstallRequestTests
{
    private static string FreshName() => "course-test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Installs_under_a_prefix_says_how_Jupyter_finds_it_and_uninstalls()
    {
        using var prefix = new TempFolder();
        string name = FreshName();
        var request = new KernelInstallRequest(name, "C# (test)", ["dotnet", "course.dll", "kernel", "start"], prefix.Path);

        KernelSpecResult installed = request.Run();
        string[] report = [.. request.Report(installed)];
        KernelSpecResult removed = new KernelUninstallRequest(name, prefix.Path).Run();

        Assert.True(installed.Succeeded, installed.Message);
        Assert.Equal(installed.Message, report[0]);
        Assert.Equal("It starts: dotnet course.dll kernel start", report[1]);
        Assert.Contains(Path.Combine(prefix.Path, "share", "jupyter") + " is on JUPYTER_PATH", report[2], StringComparison.Ordinal);
        Assert.True(removed.Succeeded, removed.Message);
        Assert.False(Directory.Exists(installed.Directory));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_refusal_not_an_exception()
    {
        using var prefix = new TempFolder();
        string name = FreshName();
        // A file where the kernel's folder must go: creating the folder fails with an IOException.
        Directory.CreateDirectory(Path.Combine(prefix.Path, "share", "jupyter", "kernels"));
        File.WriteAllText(Path.Combine(prefix.Path, "share", "jupyter", "kernels", name), "");

        KernelSpecResult result = new KernelInstallRequest(name, "C#", ["x"], prefix.Path).Run();

        Assert.False(result.Succeeded);
        Assert.StartsWith("could not write the kernelspec: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_remove_is_a_refusal()
    {
        using var prefix = new TempFolder();
        string name = FreshName();

        KernelSpecResult result = new KernelUninstallRequest(name, prefix.Path).Run();

        Assert.False(result.Succeeded);
        Assert.StartsWith($"No Jupyter kernel named '{name}' is installed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_needs_a_result()
    {
        var request = new KernelInstallRequest("k", "C#", ["x"], null);

        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => request.Report(null!).ToList()).ParamName);
    }
}

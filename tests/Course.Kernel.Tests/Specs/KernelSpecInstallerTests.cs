using System.Text.Json.Nodes;
using Course.Kernel.Specs;
using Course.Kernel.Tests.Support;

namespace Course.Kernel.Tests.Specs;

public sealed class KernelSpecInstallerTests
{
    private static readonly string[] Argv = ["/usr/bin/dotnet", "/opt/course/course.dll", "kernel", "start", "--connection-file", "{connection_file}"];

    [Fact]
    public void Install_writes_a_kernelspec_under_the_prefix()
    {
        using var prefix = new TempFolder();

        KernelSpecResult result = KernelSpecInstaller.Install(".net-csharp", "C# (course kit)", Argv, prefix.Path, searchDirectories: []);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(prefix.File("share/jupyter/kernels/.net-csharp"), result.Directory);
        JsonObject spec = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Directory, "kernel.json")))!.AsObject();
        Assert.Equal(Argv, spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("C# (course kit)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        Assert.True(KernelSpecInstaller.IsOurs(result.Directory));
        Assert.StartsWith("Installed the Jupyter kernel '.net-csharp'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Installing_again_updates_the_kits_own_kernelspec()
    {
        using var prefix = new TempFolder();
        KernelSpecInstaller.Install("course-test", "old", Argv, prefix.Path, searchDirectories: []);

        KernelSpecResult again = KernelSpecInstaller.Install("course-test", "new", Argv, prefix.Path, searchDirectories: []);

        Assert.True(again.Succeeded, again.Message);
        Assert.StartsWith("Updated", again.Message, StringComparison.Ordinal);
        Assert.Contains("\"new\"", File.ReadAllText(Path.Combine(again.Directory, "kernel.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kernel_of_the_name_that_the_kit_did_not_install_is_never_replaced()
    {
        using var prefix = new TempFolder();
        using var elsewhere = new TempFolder();
        string dotnetInteractive = Path.Combine(elsewhere.Path, ".net-csharp");
        Directory.CreateDirectory(dotnetInteractive);
        const string TheirSpec = """{"argv": ["dotnet", "interactive", "jupyter", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(Path.Combine(dotnetInteractive, "kernel.json"), TheirSpec);

        KernelSpecResult result = KernelSpecInstaller.Install(".net-csharp", "C# (course kit)", Argv, prefix.Path, searchDirectories: [elsewhere.Path]);

        Assert.False(result.Succeeded);
        Assert.Contains($"already installed at {dotnetInteractive}", result.Message, StringComparison.Ordinal);
        Assert.Contains("course kernel install --name", result.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(prefix.File("share/jupyter/kernels/.net-csharp")));
        Assert.Equal(TheirSpec, File.ReadAllText(Path.Combine(dotnetInteractive, "kernel.json")));
    }

    [Fact]
    public void A_foreign_kernel_in_the_target_folder_is_not_overwritten()
    {
        using var prefix = new TempFolder();
        string target = prefix.File("share/jupyter/kernels/.net-csharp");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "kernel.json"), """{"argv": ["x"], "display_name": "theirs", "language": "C#"}""");

        KernelSpecResult install = KernelSpecInstaller.Install(".net-csharp", "C# (course kit)", Argv, prefix.Path, searchDirectories: []);
        KernelSpecResult uninstall = KernelSpecInstaller.Uninstall(".net-csharp", prefix.Path);

        Assert.False(install.Succeeded);
        Assert.False(uninstall.Succeeded);
        Assert.Contains("was not installed by this kit", uninstall.Message, StringComparison.Ordinal);
        Assert.Contains("theirs", File.ReadAllText(Path.Combine(target, "kernel.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Uninstall_removes_the_kits_kernelspec_and_reports_a_missing_one()
    {
        using var prefix = new TempFolder();
        KernelSpecResult installed = KernelSpecInstaller.Install("course-test", "C#", Argv, prefix.Path, searchDirectories: []);

        KernelSpecResult removed = KernelSpecInstaller.Uninstall("course-test", prefix.Path);
        KernelSpecResult again = KernelSpecInstaller.Uninstall("course-test", prefix.Path);

        Assert.True(removed.Succeeded, removed.Message);
        Assert.False(Directory.Exists(installed.Directory));
        Assert.False(again.Succeeded);
        Assert.StartsWith("No Jupyter kernel named 'course-test'", again.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Names_jupyter_would_reject_are_refused(string name)
    {
        using var prefix = new TempFolder();

        KernelSpecResult result = KernelSpecInstaller.Install(name, "C#", Argv, prefix.Path, searchDirectories: []);

        Assert.False(result.Succeeded);
        Assert.Contains("not a valid kernel name", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_user_folder_follows_jupyter_data_dir()
    {
        string? saved = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        try
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", "/tmp/jupyter-data");

            Assert.Equal("/tmp/jupyter-data/kernels", KernelSpecInstaller.KernelsDirectory(null));
            Assert.Contains("/tmp/jupyter-data/kernels", KernelSpecInstaller.SearchDirectories());
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", saved);
        }
    }
}

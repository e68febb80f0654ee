using Course.Cli;
using Course.Kernel.Tests.Support;

namespace Course.Kernel.Tests.Specs;

/// <summary>`course kernel …` as a user types it (in-process, as the CLI tests run the CLI).</summary>
public sealed class KernelCommandTests
{
    [Theory]
    [InlineData(new[] { "kernel", "--help" }, "install")]
    [InlineData(new[] { "kernel", "--help" }, "uninstall")]
    [InlineData(new[] { "kernel", "--help" }, "start")]
    [InlineData(new[] { "kernel", "install", "--help" }, "--prefix <DIR>")]
    [InlineData(new[] { "kernel", "install", "--help" }, "--name <NAME>")]
    [InlineData(new[] { "kernel", "install", "--help" }, "--user")]
    [InlineData(new[] { "kernel", "install", "--help" }, "--display-name <TEXT>")]
    [InlineData(new[] { "kernel", "uninstall", "--help" }, "--prefix <DIR>")]
    [InlineData(new[] { "kernel", "start", "--help" }, "--connection-file <FILE>")]
    public async Task Every_kernel_command_has_help(string[] args, string expected)
    {
        var (code, output, _) = await Course(args);

        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_and_uninstall_under_a_prefix()
    {
        using var prefix = new TempFolder();
        string name = "course-test-" + Guid.NewGuid().ToString("N")[..8];

        var (installed, installOutput, installError) = await Course("kernel", "install", "--prefix", prefix.Path, "--name", name);
        string spec = File.ReadAllText(prefix.File($"share/jupyter/kernels/{name}/kernel.json"));
        var (removed, removeOutput, _) = await Course("kernel", "uninstall", "--prefix", prefix.Path, "--name", name);

        Assert.True(installed == 0, installError);
        Assert.Contains($"Installed the Jupyter kernel '{name}'", installOutput, StringComparison.Ordinal);
        Assert.Contains("JUPYTER_PATH", installOutput, StringComparison.Ordinal);
        Assert.Contains(typeof(Course.Cli.Commands.KernelCommand).Assembly.Location, spec, StringComparison.Ordinal);
        Assert.Contains("\"{connection_file}\"", spec, StringComparison.Ordinal);
        Assert.Equal(0, removed);
        Assert.Contains($"Removed the Jupyter kernel '{name}'", removeOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_and_prefix_together_are_a_usage_error()
    {
        var (code, _, error) = await Course("kernel", "install", "--user", "--prefix", "/tmp/x");

        Assert.Equal(2, code);
        Assert.Contains("either --user or --prefix", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_install_exits_1_and_suggests_a_name()
    {
        using var prefix = new TempFolder();
        string target = prefix.File("share/jupyter/kernels/.net-csharp");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "kernel.json"), """{"argv": ["dotnet", "interactive"], "display_name": ".NET (C#)", "language": "C#"}""");

        var (code, _, error) = await Course("kernel", "install", "--prefix", prefix.Path);

        Assert.Equal(1, code);
        Assert.Contains("--name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefix_that_is_a_file_is_one_line_naming_it_not_a_stack_trace()
    {
        using var folder = new TempFolder();
        string file = folder.File("not-a-folder");
        File.WriteAllText(file, "");
        File.WriteAllText(folder.File("share"), "");

        var (code, output, error) = await Course("kernel", "install", "--prefix", file);
        var (under, _, underError) = await Course("kernel", "uninstall", "--prefix", folder.Path);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"course kernel install: --prefix '{file}' is a file; it must be a folder (it is created if missing).\n", error.ReplaceLineEndings("\n"));
        Assert.Equal(2, under);
        Assert.Equal($"course kernel uninstall: --prefix '{folder.Path}' cannot hold share/jupyter/kernels: '{folder.File("share")}' is a file.\n", underError.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Start_needs_a_connection_file()
    {
        var (code, _, error) = await Course("kernel", "start");

        Assert.NotEqual(0, code);
        Assert.Contains("--connection-file", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Course(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CourseCommand.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using Course.Kernel.Specs;

namespace Course.Kernel.Tests.Specs;

public sealed class KernelLaunchTests
{
    [Fact]
    public void Starts_the_programs_assembly_with_this_dotnet_and_the_connection_file_placeholder()
    {
        IReadOnlyList<string> argv = KernelLaunch.Argv(typeof(KernelLaunchTests).Assembly);

        Assert.Equal([KernelLaunch.DotnetHost(), typeof(KernelLaunchTests).Assembly.Location, "kernel", "start", "--connection-file", "{connection_file}"], argv);
        Assert.True(Path.IsPathRooted(argv[1]));
    }

    [Fact]
    public void The_host_is_a_dotnet_executable()
    {
        Assert.StartsWith("dotnet", Path.GetFileName(KernelLaunch.DotnetHost()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_assembly_is_refused()
    {
        Assert.Equal("program", Assert.Throws<ArgumentNullException>(() => KernelLaunch.Argv(null!)).ParamName);
    }
}

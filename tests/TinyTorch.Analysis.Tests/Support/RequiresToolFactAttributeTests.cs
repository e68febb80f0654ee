namespace TinyTorch.Analysis.Tests.Support;

[Collection(MeasurementCollection.Name)] // changes an environment variable the whole process reads
public sealed class RequiresToolFactAttributeTests
{
    [Fact]
    public void SkipsWithTheInstallHintWhenTheToolIsMissingAndNotRequired() =>
        WithRequireTools(null, () =>
        {
            var fact = new RequiresToolFactAttribute("some-package", "no-such-tool-7f3a");

            Assert.NotNull(fact.Skip);
            Assert.Contains("apt-get install -y some-package", fact.Skip);
        });

    [Fact]
    public void RunsWhenTheToolIsMissingButCiRequiresIt() =>
        WithRequireTools("1", () => Assert.Null(new RequiresToolFactAttribute("some-package", "no-such-tool-7f3a").Skip));

    [Fact]
    public void RunsWhenTheToolIsPresent() =>
        WithRequireTools(null, () => Assert.Null(new RequiresToolFactAttribute("coreutils", "ls").Skip));

    [Fact]
    public void RequireFailsTheTestNamingThePackage()
    {
        var e = Assert.ThrowsAny<Exception>(() => ExternalTool.Require("some-package", "no-such-tool-7f3a"));

        Assert.Contains("apt-get install -y some-package", e.Message);
    }

    private static void WithRequireTools(string? value, Action test)
    {
        string? saved = Environment.GetEnvironmentVariable(ExternalTool.RequireVariable);
        Environment.SetEnvironmentVariable(ExternalTool.RequireVariable, value);
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(ExternalTool.RequireVariable, saved);
        }
    }
}

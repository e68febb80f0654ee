namespace TinyTorch.Analysis.Tests.Support;

/// <summary>The kit's one tool-gated fact (Course.TestSupport), with tools that are known to be missing or present.</summary>
[Collection(MeasurementCollection.Name)] // changes an environment variable the whole process reads
public sealed class RequiresToolFactAttributeTests
{
    [Fact]
    public void A_missing_tool_skips_the_test_with_its_reason_and_how_to_make_it_a_failure() =>
        WithRequireTools(null, () =>
        {
            var fact = new RequiresToolFactAttribute(typeof(MissingTool));

            Assert.Equal($"{MissingTool.Reason}; set COURSE_REQUIRE_TOOLS=1 to make this a failure.", fact.Skip);
        });

    [Fact]
    public void A_missing_tool_runs_the_test_when_CI_requires_tools() =>
        WithRequireTools("1", () => Assert.Null(new RequiresToolFactAttribute(typeof(MissingTool)).Skip));

    [Fact]
    public void A_present_tool_runs_the_test() =>
        WithRequireTools(null, () => Assert.Null(new RequiresToolFactAttribute(typeof(PresentTool)).Skip));

    [Fact]
    public void A_program_that_cannot_be_started_skips_the_test_naming_it() =>
        WithRequireTools(null, () =>
        {
            var fact = new RequiresToolFactAttribute("no-such-tool-7f3a", "--version");

            Assert.StartsWith("no-such-tool-7f3a --version is not available", fact.Skip, StringComparison.Ordinal);
            Assert.EndsWith("set COURSE_REQUIRE_TOOLS=1 to make this a failure.", fact.Skip, StringComparison.Ordinal);
        });

    [Fact]
    public void A_program_that_runs_runs_the_test() =>
        WithRequireTools(null, () => Assert.Null(new RequiresToolFactAttribute("ls", "/").Skip));

    [Fact]
    public void A_type_that_is_not_a_tool_is_refused() =>
        Assert.Throws<ArgumentException>(() => new RequiresToolFactAttribute(typeof(string)));

    [Fact]
    public void The_chromium_tool_names_its_Debian_package() =>
        Assert.True(Chromium.Find() is not null || new Chromium().Unavailable()!.Contains("apt-get install -y chromium", StringComparison.Ordinal));

    private static void WithRequireTools(string? value, Action test)
    {
        string? saved = Environment.GetEnvironmentVariable(ToolGate.RequireVariable);
        Environment.SetEnvironmentVariable(ToolGate.RequireVariable, value);
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable(ToolGate.RequireVariable, saved);
        }
    }

    /// <summary>A tool no machine has.</summary>
    public sealed class MissingTool : RequiredTool
    {
        /// <summary>Why it is missing.</summary>
        public const string Reason = "the test tool is missing (apt-get install -y nothing)";

        /// <inheritdoc />
        public override string? Unavailable() => Reason;
    }

    /// <summary>A tool every machine has.</summary>
    public sealed class PresentTool : RequiredTool
    {
        /// <inheritdoc />
        public override string? Unavailable() => null;
    }
}

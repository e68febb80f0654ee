using Course.Kernel.Language;

namespace Course.Kernel.Tests.Language;

public sealed class SubmissionCompletenessTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("Console.WriteLine(1);")]
    [InlineData("var x = 1;")]
    [InlineData("class A { }")]
    [InlineData("#!time\nThread.Sleep(1);")]
    [InlineData("#r \"../lib/TinyTorch.dll\"\nusing TinyTorch;")]
    public void Complete_code_is_complete(string code) =>
        Assert.Equal(new CompletenessResult("complete", string.Empty), SubmissionCompleteness.Check(code));

    [Theory]
    [InlineData("class A {", "    ")]
    [InlineData("if (true)\n{\n    var x = 1;", "    ")]
    [InlineData("Console.WriteLine(", "    ")]
    [InlineData("var s = @\"abc", "")]
    [InlineData("for (int i = 0; i < 3; i++)", "")]
    [InlineData("/* a comment", "")]
    public void Unfinished_code_waits_for_more_lines_with_an_indent(string code, string indent) =>
        Assert.Equal(new CompletenessResult("incomplete", indent), SubmissionCompleteness.Check(code));

    [Theory]
    [InlineData("}")]
    [InlineData("Console.WriteLine(1));")]
    public void Code_no_continuation_can_fix_is_invalid(string code) =>
        Assert.Equal("invalid", SubmissionCompleteness.Check(code).Status);
}

using Course.Notebooks.Validation;

namespace Course.Notebooks.Tests.Validation;

public sealed class ValidationKernelChoiceTests
{
    private static string NotAsked() => throw new InvalidOperationException("only asked when the tool is needed and missing");

    [Theory]
    [InlineData(null, true, new[] { ValidationKernel.Kit, ValidationKernel.DotNetInteractive })]
    [InlineData(null, false, new[] { ValidationKernel.Kit })]
    [InlineData("kit", false, new[] { ValidationKernel.Kit })]
    [InlineData("dotnet-interactive", true, new[] { ValidationKernel.DotNetInteractive })]
    [InlineData("both", true, new[] { ValidationKernel.Kit, ValidationKernel.DotNetInteractive })]
    public void Names_the_kernels_in_the_order_notebooks_run_in_them(string? value, bool installed, ValidationKernel[] expected)
    {
        Assert.Equal(expected, ValidationKernelChoice.Choose(value, installed, NotAsked));
    }

    [Theory]
    [InlineData("dotnet-interactive")]
    [InlineData("both")]
    public void The_real_kernel_without_its_tool_is_refused_saying_where_it_was_looked_for(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ValidationKernelChoice.Choose(value, installed: false, () => "not in .tools/dotnet-interactive"));

        Assert.Equal($"--kernel {value} needs the .NET Interactive tool, which is not installed: not in .tools/dotnet-interactive", error.Message);
    }

    [Fact]
    public void An_unknown_kernel_is_refused_naming_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => ValidationKernelChoice.Choose("jupyter", installed: true, NotAsked));

        Assert.Equal("--kernel must be kit, dotnet-interactive or both, but was 'jupyter'.", error.Message);
    }

    [Fact]
    public void Each_kernel_has_its_executor()
    {
        Assert.Equal(ValidationKernel.Kit, ValidationKernelChoice.Executor(ValidationKernel.Kit).Kernel);
        Assert.Equal(ValidationKernel.DotNetInteractive, ValidationKernelChoice.Executor(ValidationKernel.DotNetInteractive).Kernel);
    }
}

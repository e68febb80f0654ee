using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests.Execution;

public sealed class ExecutedCopyPlanTests
{
    [Fact]
    public void Each_notebook_gets_NAME_ipynb_in_the_output_folder()
    {
        var plan = ExecutedCopyPlan.For(["lessons/a.ipynb", "lessons/b.dib"], "out");

        Assert.Empty(plan.Refusals);
        Assert.Equal(
            [new ExecutedCopy("lessons/a.ipynb", Path.Combine("out", "a.ipynb")), new ExecutedCopy("lessons/b.dib", Path.Combine("out", "b.ipynb"))],
            plan.Copies);
    }

    [Fact]
    public void A_copy_that_would_overwrite_an_input_is_refused_however_it_is_spelled()
    {
        using var folder = new TempFolder();
        string input = folder.File("a.ipynb");
        File.WriteAllText(input, "{}");
        string linked = folder.File("linked");
        Directory.CreateDirectory(linked);
        File.CreateSymbolicLink(Path.Combine(linked, "a.ipynb"), input);

        var intoItsFolder = ExecutedCopyPlan.For([input], Path.Combine(folder.Path, "."));
        var throughALink = ExecutedCopyPlan.For([input], linked);

        Assert.Empty(intoItsFolder.Copies);
        Assert.Equal([$"{input}: the executed copy would overwrite an input ({Path.Combine(folder.Path, ".", "a.ipynb")}); choose another folder with --out"], intoItsFolder.Refusals);
        Assert.Empty(throughALink.Copies);
        Assert.Single(throughALink.Refusals);
    }

    [Fact]
    public void Two_inputs_sharing_a_copy_keep_the_first_and_refuse_the_second()
    {
        var plan = ExecutedCopyPlan.For(["one/a.ipynb", "two/a.dib"], "out");

        Assert.Equal([new ExecutedCopy("one/a.ipynb", Path.Combine("out", "a.ipynb"))], plan.Copies);
        Assert.Equal([$"two/a.dib: its executed copy {Path.Combine("out", "a.ipynb")} would replace the copy of one/a.ipynb; run them with different --out folders"], plan.Refusals);
    }

    [Fact]
    public void An_empty_output_folder_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ExecutedCopyPlan.For(["a.ipynb"], ""));

        Assert.Equal("outputDirectory", error.ParamName);
    }
}

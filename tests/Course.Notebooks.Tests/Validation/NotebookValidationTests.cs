using Course.Notebooks.Validation;

namespace Course.Notebooks.Tests.Validation;

public sealed class NotebookValidationTests
{
    [Fact]
    public void A_pass_is_one_line_and_its_notes()
    {
        var verdict = new NotebookValidation("a.ipynb", [], ["cell 4: waits for an exercise"], "runs clean");

        Assert.Equal(["PASS a.ipynb: runs clean", "    note: cell 4: waits for an exercise"], verdict.ReportLines());
    }

    [Fact]
    public void A_fail_names_its_first_problem_and_lists_them_all_when_there_are_several()
    {
        var one = new NotebookValidation("a.ipynb", ["cell 2: does not compile"], [], "");
        var two = one with { Problems = ["cell 2: does not compile", "stale"] };

        Assert.Equal(["FAIL a.ipynb: cell 2: does not compile"], one.ReportLines());
        Assert.Equal(["FAIL a.ipynb: cell 2: does not compile (and 1 more, below)", "    - cell 2: does not compile", "    - stale"], two.ReportLines());
    }
}

using Course.Autograder.Preparation;
using Course.Grading.Results;

namespace Course.Autograder.Tests.Preparation;

/// <summary>
/// Issue #19: a notebook an LMS or a browser renamed (<c>03-dataloader (1).ipynb</c>) is graded as the module notebook
/// and the feedback says so; another name is named in a "did you mean", never graded in its place; a single notebook
/// file is prepared alone, to be graded out of its own checks.
/// </summary>
public sealed class RenamedNotebookTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("renamed-notebooks-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IReadOnlyList<string> Names => ModuleFixtures.Module.Names;

    [Theory]
    [InlineData("03-dataloader (1).ipynb", "03-dataloader.ipynb")]
    [InlineData("03-dataloader(2).ipynb", "03-dataloader.ipynb")]
    [InlineData("03-DataLoader.IPYNB", "03-dataloader.ipynb")]
    [InlineData("03-dataloader (1) (1).ipynb", "03-dataloader.ipynb")]
    [InlineData("03-dataloader.ipynb", "03-dataloader.ipynb")]
    [InlineData("dataloader.ipynb", null)]
    [InlineData("03-dataloader.txt", null)]
    [InlineData("03-dataloader (draft).ipynb", null)]
    public void A_copy_suffix_or_another_case_means_the_module_notebook(string name, string? expected) =>
        Assert.Equal(expected, NotebookNames.Match(name, Names));

    [Theory]
    [InlineData("dataloader.ipynb", "03-dataloader.ipynb")]
    [InlineData("03_data_loader.ipynb", "03-dataloader.ipynb")]
    [InlineData("my-transforms-final.ipynb", "05-transforms.ipynb")]
    [InlineData("homework.ipynb", null)]
    public void A_near_name_is_suggested_and_a_far_one_is_not(string name, string? expected) =>
        Assert.Equal(expected, NotebookNames.Closest(name, Names));

    [Fact]
    public void A_renamed_copy_in_a_folder_is_graded_as_the_notebook_and_the_feedback_says_so()
    {
        string folder = Sample("amy");
        File.Move(Path.Combine(folder, "03-dataloader.ipynb"), Path.Combine(folder, "03-dataloader (1).ipynb"));

        var notebook = SubmissionPreparation.Prepare(ModuleFixtures.Module, folder).Notebooks.Single(n => n.Name == "03-dataloader.ipynb");

        Assert.Equal(PreparedNotebook.Ready, notebook.Status);
        Assert.Equal(["03-dataloader (1).ipynb was graded as 03-dataloader.ipynb."], notebook.Notes);
        Assert.Empty(notebook.Problems);
    }

    [Fact]
    public void A_missing_notebook_names_the_file_that_may_be_it()
    {
        string folder = Sample("bob");
        File.Move(Path.Combine(folder, "03-dataloader.ipynb"), Path.Combine(folder, "dataloader.ipynb"));

        var notebook = SubmissionPreparation.Prepare(ModuleFixtures.Module, folder).Notebooks.Single(n => n.Name == "03-dataloader.ipynb");

        Assert.Equal(NotebookStatus.Missing, notebook.Status);
        Assert.Equal(["03-dataloader.ipynb was not in the submission. It has dataloader.ipynb: if that is this notebook, rename it 03-dataloader.ipynb."], notebook.Problems);
    }

    [Fact]
    public void Two_renamed_copies_are_both_named_and_neither_is_graded()
    {
        string folder = Sample("cat");
        File.Copy(Path.Combine(folder, "03-dataloader.ipynb"), Path.Combine(folder, "03-dataloader (2).ipynb"));
        File.Move(Path.Combine(folder, "03-dataloader.ipynb"), Path.Combine(folder, "03-dataloader (1).ipynb"));

        var notebook = SubmissionPreparation.Prepare(ModuleFixtures.Module, folder).Notebooks.Single(n => n.Name == "03-dataloader.ipynb");

        Assert.Equal(NotebookStatus.Missing, notebook.Status);
        Assert.Equal(["03-dataloader.ipynb was not in the submission. It has 03-dataloader (1).ipynb and 03-dataloader (2).ipynb: keep the one that is this notebook and rename it 03-dataloader.ipynb."], notebook.Problems);
    }

    [Fact]
    public void A_single_notebook_file_is_prepared_alone_and_graded_on_its_own()
    {
        string single = Path.Combine(Sample("dan"), "02-tensordataset.ipynb");
        string renamed = Path.Combine(_root, "02-tensordataset (1).ipynb");
        File.Copy(single, renamed);

        var prepared = SubmissionPreparation.Prepare(ModuleFixtures.Module, renamed);

        var notebook = Assert.Single(prepared.Notebooks);
        Assert.Equal(("02-tensordataset.ipynb", PreparedNotebook.Ready), (notebook.Name, notebook.Status));
        Assert.Equal(["02-tensordataset.ipynb"], SubmissionFiles.NotebooksGradedIn(renamed, Names));
        Assert.Equal(Names, SubmissionFiles.NotebooksGradedIn(Path.GetDirectoryName(single)!, Names));
        Assert.Equal("02-tensordataset (1)", prepared.StudentId);
    }

    private string Sample(string student) => ModuleFixtures.CopyCorrectSample(_root, student);
}

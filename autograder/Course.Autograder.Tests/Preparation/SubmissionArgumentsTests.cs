using Course.Autograder.Preparation;
using Course.Grading.Results;

namespace Course.Autograder.Tests.Preparation;

/// <summary>
/// Issue #19: what <c>course grade</c>'s arguments name is decided before anything is graded. A folder of submission
/// folders (the parent, <c>/*</c> forgotten) is graded as its folders and the run says so; an argument that cannot be a
/// submission is one line naming it; two submissions that would share a student id are refused with what to do.
/// </summary>
public sealed class SubmissionArgumentsTests : IDisposable
{
    private static readonly string[] Names = ["01-dataset.ipynb", "02-tensordataset.ipynb", "03-dataloader.ipynb"];
    private readonly string _root = Directory.CreateTempSubdirectory("submission-arguments-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_folder_of_submission_folders_is_graded_as_its_folders_and_the_run_says_what_it_took_it_for()
    {
        string samples = Folder("samples");
        Notebook("samples/amy/01-dataset.ipynb");
        Notebook("samples/bob/03-dataloader.ipynb");
        Folder("samples/empty");
        Folder("samples/.git");
        File.WriteAllText(Path.Combine(samples, "README.md"), "the class");

        var resolved = SubmissionArguments.Resolve([samples], Names);

        Assert.Empty(resolved.Errors);
        Assert.Equal(["amy", "bob", "empty"], resolved.Submissions.Select(Path.GetFileName));
        string note = Assert.Single(resolved.Notes);
        Assert.Equal($"'{samples}' holds no notebooks but folders of them: it is taken as a folder of submissions, and each of its 3 folders is graded as one (as if you had typed {samples}/*).", note);
    }

    [Fact]
    public void A_students_folder_is_one_submission_even_with_folders_of_notebooks_inside()
    {
        Notebook("amy/01-dataset.ipynb");
        Notebook("amy/old/01-dataset.ipynb");
        Notebook("amy/older/01-dataset.ipynb");
        // One folder of notebooks inside a folder without any: a zipped folder, more likely than a class of one.
        Notebook("bob/module05/01-dataset.ipynb");

        var resolved = SubmissionArguments.Resolve([Path.Combine(_root, "amy"), Path.Combine(_root, "bob")], Names);

        Assert.Equal([Path.Combine(_root, "amy"), Path.Combine(_root, "bob")], resolved.Submissions);
        Assert.Empty(resolved.Notes);
        Assert.Empty(resolved.Errors);
    }

    [Fact]
    public void A_renamed_download_of_a_module_notebook_is_a_single_notebook_submission()
    {
        string copy = Notebook("dl/03-dataloader (1).ipynb");

        var resolved = SubmissionArguments.Resolve([copy], Names);

        Assert.Equal([copy], resolved.Submissions);
        Assert.Empty(resolved.Errors);
    }

    [Theory]
    [InlineData("notes.txt", "'{0}' is neither a folder of notebooks nor one of the module's notebooks; it is not a notebook: leave it out.")]
    [InlineData("class.zip", "'{0}' is neither a folder of notebooks nor one of the module's notebooks; it is a zip archive: unpack it and grade the folders it holds.")]
    [InlineData("dataloader.ipynb", "'{0}' is not one of the module's notebooks (01-dataset.ipynb, 02-tensordataset.ipynb, 03-dataloader.ipynb); did you mean 03-dataloader.ipynb? Rename it, or grade the folder that holds it.")]
    [InlineData("homework.ipynb", "'{0}' is not one of the module's notebooks (01-dataset.ipynb, 02-tensordataset.ipynb, 03-dataloader.ipynb); rename it, or grade the folder that holds it.")]
    public void A_file_that_is_no_module_notebook_is_one_line_naming_it(string name, string expected)
    {
        string file = Path.Combine(_root, name);
        File.WriteAllText(file, "{}");

        var resolved = SubmissionArguments.Resolve([file, Notebook("amy/01-dataset.ipynb")], Names);

        Assert.Equal([string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, file)], resolved.Errors);
    }

    [Fact]
    public void A_path_that_names_nothing_is_named()
    {
        var resolved = SubmissionArguments.Resolve(["nowhere/at-all"], Names);

        Assert.Equal(["no such submission: 'nowhere/at-all'."], resolved.Errors);
    }

    [Fact]
    public void Two_single_notebooks_of_one_name_are_refused_with_their_folders_to_grade_instead()
    {
        string a = Notebook("a/03-dataloader.ipynb"), b = Notebook("b/03-dataloader.ipynb");

        var resolved = SubmissionArguments.Resolve([a, b], Names);

        string error = Assert.Single(resolved.Errors);
        Assert.Equal($"'03-dataloader' would be the student id of both {a} and {b} (a single notebook's id is its name): grade the folders that hold them instead "
            + $"({Path.Combine(_root, "a")}, {Path.Combine(_root, "b")}), so that each student's id is their folder's name.", error);
    }

    [Fact]
    public void Two_folders_of_one_name_are_refused_and_one_folder_given_twice_is_graded_once()
    {
        string amy = Folder("x/amy"), other = Folder("y/amy");
        Notebook("x/amy/01-dataset.ipynb");

        Assert.Equal([amy], SubmissionArguments.Resolve([amy, amy + "/"], Names).Submissions);
        var clash = SubmissionArguments.Resolve([amy, other], Names);
        Assert.Equal($"'amy' would be the student id of both {amy} and {other} (a submission's id is its name): rename one, or grade them into different --out folders.", Assert.Single(clash.Errors));
    }

    [Fact]
    public void A_link_or_an_empty_folder_is_kept_for_grading_to_report()
    {
        string empty = Folder("empty");
        string link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, empty);

        var resolved = SubmissionArguments.Resolve([empty, link], Names);

        Assert.Equal([empty, link], resolved.Submissions);
        Assert.Empty(resolved.Errors);
    }

    [Fact]
    public void Nothing_to_grade_is_a_submission_none_of_whose_notebooks_could_run()
    {
        SubmissionResult Result(string id, params NotebookStatus[] statuses) =>
            new(id, SubmissionStatusOf.Notebook(statuses[0]) ?? SubmissionStatus.Crashed, "", [.. statuses.Select((s, i) => new NotebookOutcome($"{i}.ipynb", s, []))], [], "", 0);

        var nothing = SubmissionArguments.NothingToGrade(
        [
            Result("empty", NotebookStatus.Missing, NotebookStatus.Missing),
            Result("broken", NotebookStatus.Unreadable),
            Result("half", NotebookStatus.Missing, NotebookStatus.Ran),
            Result("crashed", NotebookStatus.NotFinished),
        ]);

        Assert.Equal(["broken", "empty"], nothing.Select(r => r.StudentId));
    }

    private string Folder(string relative) => Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;

    private string Notebook(string relative)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        return path;
    }
}

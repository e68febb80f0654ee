namespace Course.Autograder.Tests;

/// <summary>
/// A submission's student id is its name, whatever that is: the folder's name, or the notebook's without its
/// extension; never empty, so the grading run can refuse no submission for lack of one.
/// </summary>
public sealed class StudentIdTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("student-id-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("amy.ipynb", "amy")]
    [InlineData("...ipynb", "..")]
    [InlineData("..ipynb", ".")]
    [InlineData(".ipynb", ".ipynb")]
    [InlineData("summary.html.ipynb", "summary.html")]
    public void A_notebooks_id_is_its_name_without_the_extension_and_never_empty(string file, string id)
    {
        string path = Path.Combine(_root, file);
        File.WriteAllText(path, "{}");

        Assert.Equal(id, SubmissionGrader.StudentIdOf(path));
    }

    [Fact]
    public void A_folders_id_is_its_whole_name()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_root, "amy.smith")).FullName;

        Assert.Equal("amy.smith", SubmissionGrader.StudentIdOf(folder));
        Assert.Equal("amy.smith", SubmissionGrader.StudentIdOf(folder + Path.DirectorySeparatorChar));
    }
}

using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Validation;

namespace Course.Notebooks.Tests.Validation;

public sealed class FolderValidatorTests
{
    // No kernel: only the rules about the files themselves apply, which is all these tests need.
    private static readonly FolderValidator Validator = new(new NotebookValidator([], TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task A_student_notebook_without_a_source_fails_and_a_folder_without_notebooks_is_bad_input()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("course/student"));
        string student = folder.File("course/student/a.ipynb");
        IpynbWriter.Write(Notebook.CreatePolyglot(), student);
        var log = new StringWriter();
        var errors = new StringWriter();

        FolderValidationResult result = await Validator.ValidateAsync([folder.File("course"), folder.File("empty")], log, errors);

        Assert.Equal((0, 1, true), (result.Passed, result.Failed, result.BadInput));
        Assert.Equal("0 passed, 1 failed", result.Summary);
        string[] lines = log.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal($"{folder.File("course")}: 0 source notebooks, 1 student notebook", lines[0]);
        Assert.Equal($"[1/1] {student}", lines[1]);
        Assert.StartsWith($"FAIL {student}: no instructor source ", lines[2], StringComparison.Ordinal);
        Assert.Equal($"error: {folder.File("empty")}: no source/ or student/ folder to validate\n", errors.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Missing_arguments_are_refused()
    {
        Assert.Equal("directories", (await Assert.ThrowsAsync<ArgumentNullException>(() => Validator.ValidateAsync(null!, TextWriter.Null, TextWriter.Null))).ParamName);
    }
}

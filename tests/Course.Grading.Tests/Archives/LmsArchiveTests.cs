using Course.Grading.Archives;
using Course.Grading.Tests.Support;

namespace Course.Grading.Tests.Archives;

/// <summary>The layouts an LMS export comes in, each turned into one folder per student with the student's notebooks and time.</summary>
public sealed class LmsArchiveTests : IDisposable
{
    private static readonly string[] Notebooks = ["01-dataset.ipynb", "02-tensordataset.ipynb"];
    private static readonly DateTimeOffset Early = new(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Late = new(2025, 3, 8, 9, 30, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new("course-archive-lms-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void One_folder_per_student_keeps_the_folder_names_as_ids_and_writes_only_notebooks()
    {
        var extracted = Extract(new TestZip()
            .Add("amy/01-dataset.ipynb", "amy 1")
            .Add("amy/02-tensordataset.ipynb", "amy 2")
            .Add("amy/report.pdf", "not a notebook")
            .Add("bob/01-dataset.ipynb", "bob 1")
            .Add("bob/extra/scratch.ipynb", "nested"));

        Assert.Equal(["amy", "bob"], extracted.Submissions.Select(s => s.StudentId));
        Assert.All(extracted.Submissions, s => Assert.Equal("folder", s.Naming));
        Assert.Equal("amy 2", File.ReadAllText(Path.Combine(extracted.Submissions[0].Folder, "02-tensordataset.ipynb")));
        Assert.False(File.Exists(Path.Combine(extracted.Submissions[0].Folder, "report.pdf")));
        Assert.Equal("nested", File.ReadAllText(Path.Combine(extracted.Submissions[1].Folder, "extra", "scratch.ipynb")));
        Assert.Empty(extracted.Ignored);
    }

    [Fact]
    public void Extracted_files_are_new_and_the_owners_alone()
    {
        var extracted = Extract(new TestZip().Add("amy/01-dataset.ipynb", unixMode: 0x81FF));

        string file = Path.Combine(extracted.Submissions[0].Folder, "01-dataset.ipynb");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_zipped_class_folder_is_looked_into_and_macos_resource_forks_are_ignored()
    {
        var extracted = Extract(new TestZip()
            .Add("samples/README.md", "about the class")
            .Add("samples/amy/01-dataset.ipynb")
            .Add("samples/bob/01-dataset.ipynb")
            .Add("__MACOSX/samples/amy/._01-dataset.ipynb", "resource fork"));

        Assert.Equal(["amy", "bob"], extracted.Submissions.Select(s => s.StudentId));
        Assert.Equal(["samples/README.md"], extracted.Ignored);
    }

    [Fact]
    public void A_single_students_folder_is_that_student()
    {
        var extracted = Extract(new TestZip().Add("amy/01-dataset.ipynb").Add("amy/02-tensordataset.ipynb"));

        Assert.Equal("amy", Assert.Single(extracted.Submissions).StudentId);
    }

    [Fact]
    public void Canvas_flat_files_group_by_user_id_undo_the_resubmission_suffix_and_keep_the_latest_time()
    {
        var extracted = Extract(new TestZip()
            .Add("smithjane_4711_881234_01-dataset.ipynb", "jane 1", time: Early)
            .Add("smithjane_4711_881235_02-tensordataset-1.ipynb", "jane 2", time: Late)
            .Add("doejohn_LATE_4712_881236_01-dataset.ipynb", "john 1")
            .Add("doejohn_LATE_4712_881237_notes-2.txt", "not a notebook")
            .Add("smithjane_4711_881238_my-own-3.ipynb", "not a module notebook"));

        Assert.Equal(["doejohn_4712", "smithjane_4711"], extracted.Submissions.Select(s => s.StudentId));
        var jane = extracted.Submissions[1];
        Assert.Equal(LmsFileName.Canvas, jane.Naming);
        Assert.Equal("jane 2", File.ReadAllText(Path.Combine(jane.Folder, "02-tensordataset.ipynb")));
        Assert.True(File.Exists(Path.Combine(jane.Folder, "my-own-3.ipynb")), "a suffix that hides no module notebook is kept");
        Assert.Equal(Late, jane.Timestamp);
    }

    [Fact]
    public void Moodle_folders_and_flat_files_give_name_and_participant_id()
    {
        var folders = Extract(new TestZip()
            .Add("Jane Smith_1234567_assignsubmission_file/01-dataset.ipynb", "jane")
            .Add("Jane Smith_1234567_assignsubmission_onlinetext/onlinetext.html", "<p>hi</p>")
            .Add("John Doe_7654321_assignsubmission_file/01-dataset.ipynb", "john"));
        var flat = Extract(new TestZip()
            .Add("Jane Smith_1234567_assignsubmission_file_01-dataset.ipynb", "jane")
            .Add("John Doe_7654321_assignsubmission_file_01-dataset.ipynb", "john"), "flat");

        Assert.Equal(["Jane Smith_1234567", "John Doe_7654321"], folders.Submissions.Select(s => s.StudentId));
        Assert.Equal(["Jane Smith_1234567", "John Doe_7654321"], flat.Submissions.Select(s => s.StudentId));
        Assert.All(folders.Submissions.Concat(flat.Submissions), s => Assert.Equal(LmsFileName.Moodle, s.Naming));
        Assert.Equal("jane", File.ReadAllText(Path.Combine(flat.Submissions[0].Folder, "01-dataset.ipynb")));
        Assert.Equal("john", File.ReadAllText(Path.Combine(folders.Submissions[1].Folder, "01-dataset.ipynb")));
    }

    [Fact]
    public void Top_level_files_of_no_student_are_listed_not_extracted()
    {
        var extracted = Extract(new TestZip().Add("amy/01-dataset.ipynb").Add("index.html").Add("01-dataset.ipynb"));

        Assert.Equal(["amy"], extracted.Submissions.Select(s => s.StudentId));
        Assert.Equal(["index.html", "01-dataset.ipynb"], extracted.Ignored);
    }

    [Fact]
    public void A_student_with_no_notebook_still_gets_a_folder_so_the_gradebook_has_their_row()
    {
        var extracted = Extract(new TestZip().Add("amy/essay.pdf"));

        var amy = Assert.Single(extracted.Submissions);
        Assert.True(Directory.Exists(amy.Folder));
        Assert.Empty(Directory.GetFileSystemEntries(amy.Folder));
    }

    [Fact]
    public void The_time_is_nbgraders_timestamp_txt_when_there_is_one()
    {
        var extracted = Extract(new TestZip()
            .Add("amy/01-dataset.ipynb", time: Early)
            .Add("amy/timestamp.txt", "2025-03-08 09:30:00.123456 UTC", time: Early)
            .Add("bob/01-dataset.ipynb", time: Early)
            .Add("bob/timestamp.txt", "2025-03-08T10:30:00+01:00")
            .Add("cat/01-dataset.ipynb", time: Early)
            .Add("cat/timestamp.txt", "whenever"));

        Assert.Equal(Late.AddTicks(1_234_560), extracted.Submissions[0].Timestamp);
        Assert.Equal(Late, extracted.Submissions[1].Timestamp);
        Assert.Equal(Early, extracted.Submissions[2].Timestamp);
        Assert.False(File.Exists(Path.Combine(extracted.Submissions[0].Folder, "timestamp.txt")));
    }

    [Fact]
    public void A_dos_time_without_zone_is_read_as_local_time_as_unzip_reads_it()
    {
        var local = new DateTimeOffset(2025, 3, 7, 23, 58, 0, TimeZoneInfo.Local.GetUtcOffset(new DateTime(2025, 3, 7, 23, 58, 0)));
        var extracted = Extract(new TestZip().Add("amy/01-dataset.ipynb", time: local));

        Assert.Equal(local, extracted.Submissions[0].Timestamp);
    }

    private ExtractedArchive Extract(TestZip zip, string name = "class") =>
        SubmissionArchive.Extract(zip.WriteTo(_temp.File(name + ".zip")), _temp.File(name), Notebooks);
}

using System.Buffers.Binary;
using Course.Grading.Archives;
using Course.Grading.Tests.Support;

namespace Course.Grading.Tests.Archives;

/// <summary>
/// An LMS archive is hostile input: every entry that could write outside the target, smuggle a link, or cost
/// unbounded memory or disk refuses the whole archive, with a reason naming the entry, and nothing is left behind.
/// </summary>
public sealed class HostileArchiveTests : IDisposable
{
    private static readonly string[] Notebooks = ["01-dataset.ipynb", "02-tensordataset.ipynb"];
    private readonly TempFolder _temp = new("course-archive-hostile-");

    private string Target => _temp.File("extracted");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../evil.ipynb", "'.' or '..' segment")]
    [InlineData("alice/../../evil.ipynb", "'.' or '..' segment")]
    [InlineData("alice/./01-dataset.ipynb", "'.' or '..' segment")]
    [InlineData("/etc/cron.d/evil", "absolute path")]
    [InlineData("C:/Windows/evil.ipynb", "drive letter")]
    [InlineData("c:evil.ipynb", "drive letter")]
    [InlineData("alice\\..\\..\\evil.ipynb", "backslash")]
    [InlineData("alice//01-dataset.ipynb", "empty segment")]
    [InlineData("alice/01-dataset\n.ipynb", "control character U+000A")]
    [InlineData("alice/\u001b[31mred.ipynb", "control character U+001B")]
    [InlineData("alice/\u0085.ipynb", "control character U+0085")]
    public void A_name_that_leaves_the_target_or_breaks_a_line_is_refused_naming_it(string name, string reason)
    {
        string zip = new TestZip().Add("bob/01-dataset.ipynb").Add(name).WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.Contains("entry 2 '", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData(0xA1FFu, "symbolic link")]
    [InlineData(0x11A4u, "named pipe")]
    [InlineData(0x21A4u, "character device")]
    [InlineData(0x61A4u, "block device")]
    [InlineData(0xC1A4u, "socket")]
    public void A_link_or_special_file_is_refused_naming_it(uint mode, string reason)
    {
        string zip = new TestZip().Add("bob/01-dataset.ipynb", "/etc/shadow", unixMode: mode).WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.Contains("entry 1 'bob/01-dataset.ipynb'", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void A_link_in_a_file_nobody_grades_is_refused_too()
    {
        string zip = new TestZip().Add("bob/01-dataset.ipynb").Add("bob/notes.txt", "/", unixMode: 0xA1FF).WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.Contains("'bob/notes.txt': it is a symbolic link", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_reparse_point_is_refused_as_a_link()
    {
        byte[] bytes = TestZip.PatchCentral(new TestZip().Add("bob/01-dataset.ipynb").Bytes(),
            (b, central, _) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(central + 38), 0x400));
        File.WriteAllBytes(_temp.File("class.zip"), bytes);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.Contains("reparse point", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_refused_with_its_bytes()
    {
        byte[] bytes = TestZip.ReplaceInNames(new TestZip().Add("bob/XYZ.ipynb").Bytes(), "XYZ"u8.ToArray(), [0x63, 0xE9, 0x28]);
        File.WriteAllBytes(_temp.File("class.zip"), bytes);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.Contains("entry 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("E928", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_declared_size_is_refused_before_anything_is_inflated()
    {
        byte[] bytes = TestZip.DeclareSize(new TestZip().Add("bob/01-dataset.ipynb").Bytes(), 0xC0000000);
        File.WriteAllBytes(_temp.File("class.zip"), bytes);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.Contains("'bob/01-dataset.ipynb': it declares 3,221,225,472 bytes, more than the 67,108,864", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void An_entry_that_inflates_past_its_declared_size_is_stopped_there()
    {
        // 16 MB of zeros deflate to a few kilobytes: a zip bomb whose header claims 100 bytes.
        byte[] bytes = TestZip.DeclareSize(new TestZip().Add("bob/01-dataset.ipynb", new byte[16 << 20]).Bytes(), 100);
        File.WriteAllBytes(_temp.File("class.zip"), bytes);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.Contains("'bob/01-dataset.ipynb'", e.Message, StringComparison.Ordinal);
        // ZipArchive stops inflating at the declared size without a word: the checksum of what was written tells.
        Assert.Contains("does not match the 100 bytes and checksum it declares", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void Notebooks_over_the_total_limit_are_refused()
    {
        var zip = new TestZip();
        for (int i = 0; i < 5; i++)
        {
            zip.Add($"s{i}/01-dataset.ipynb", new byte[1000]);
        }

        zip.WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() =>
            SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks, new ArchiveLimits { MaxTotalBytes = 4000 }));

        Assert.Contains("5,000 bytes in all, more than the 4,000 allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_entries_are_refused_before_they_are_read()
    {
        var zip = new TestZip();
        for (int i = 0; i < 11; i++)
        {
            zip.Add($"s{i}/01-dataset.ipynb");
        }

        zip.WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() =>
            SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks, new ArchiveLimits { MaxEntries = 10 }));

        Assert.Contains("it lists 11 entries, more than the 10 allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused()
    {
        string zip = new TestZip().Add("bob/" + new string('a', 2000) + ".ipynb").WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.Contains("entry 1's name is 2,010 bytes long, more than the 1,024 allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_entries_of_one_name_are_refused()
    {
        string zip = new TestZip().Add("bob/01-dataset.ipynb", "first").Add("bob/01-dataset.ipynb", "second").WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.Contains("entry 2 'bob/01-dataset.ipynb': an earlier entry (entry 1) has the same name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_is_both_file_and_folder_is_refused()
    {
        string zip = new TestZip().Add("bob").Add("bob/01-dataset.ipynb").WriteTo(_temp.File("class.zip"));

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.Contains("entry 1 'bob': it is a file, and entry 2 'bob/01-dataset.ipynb' makes it a folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_canvas_files_that_become_one_notebook_are_refused()
    {
        string zip = new TestZip()
            .Add("smithjane_4711_100_01-dataset.ipynb")
            .Add("smithjane/01-dataset.ipynb")
            .WriteTo(_temp.File("class.zip"));

        // "smithjane" the folder is another student than "smithjane_4711"; the same student twice is what is refused:
        string twice = new TestZip()
            .Add("smithjane_4711_100_01-dataset.ipynb")
            .Add("smithjane_LATE_4711_101_01-dataset.ipynb")
            .WriteTo(_temp.File("twice.zip"));

        Assert.Equal(2, SubmissionArchive.Extract(zip, Target, Notebooks).Submissions.Count);
        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(twice, _temp.File("twice"), Notebooks));
        Assert.Contains("student 'smithjane_4711''s '01-dataset.ipynb', and so is 'smithjane_4711_100_01-dataset.ipynb'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_entry_is_refused()
    {
        byte[] bytes = TestZip.PatchCentral(new TestZip().Add("bob/01-dataset.ipynb").Bytes(),
            (b, central, _) => b[central + 8] |= 1);
        File.WriteAllBytes(_temp.File("class.zip"), bytes);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.Contains("it is encrypted", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100)]
    public void A_file_that_is_not_a_zip_or_is_cut_short_is_refused(int keep)
    {
        byte[] whole = new TestZip().Add("bob/01-dataset.ipynb").Bytes();
        File.WriteAllBytes(_temp.File("class.zip"), keep == 0 ? "not a zip at all"u8.ToArray() : whole[..^keep]);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.StartsWith($"The archive '{_temp.File("class.zip")}' was refused: ", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void A_refusal_found_while_writing_removes_what_was_written()
    {
        // A good student first, so something is written before the doctored entry is met.
        byte[] bytes = TestZip.DeclareSize(
            new TestZip().Add("amy/01-dataset.ipynb").Add("zed/01-dataset.ipynb", new byte[1 << 20]).Bytes(), 10, only: "zed/01-dataset.ipynb");
        File.WriteAllBytes(_temp.File("class.zip"), bytes);

        var e = Assert.Throws<ArchiveRefusedException>(() => SubmissionArchive.Extract(_temp.File("class.zip"), Target, Notebooks));

        Assert.Contains("'zed/01-dataset.ipynb'", e.Message, StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Fact]
    public void It_never_extracts_into_a_folder_that_holds_something()
    {
        string zip = new TestZip().Add("bob/01-dataset.ipynb").WriteTo(_temp.File("class.zip"));
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "keep.txt"), "mine");

        var e = Assert.Throws<IOException>(() => SubmissionArchive.Extract(zip, Target, Notebooks));

        Assert.IsNotType<ArchiveRefusedException>(e);
        Assert.Contains("is not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Target, "keep.txt")));
    }

    private void AssertNothingWritten() =>
        Assert.False(Directory.Exists(Target), "the refused archive left its target folder behind");
}

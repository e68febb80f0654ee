using System.Text;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests.Files;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteAllText_replaces_the_file_with_UTF8_without_a_byte_order_mark_and_leaves_nothing_beside_it()
    {
        using var folder = new TempFolder();
        string path = folder.File("result.json");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "néw");

        Assert.Equal(Encoding.UTF8.GetBytes("néw"), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_missing_folder_is_created()
    {
        using var folder = new TempFolder();
        string path = folder.File(Path.Combine("a", "b", "gradebook.csv"));

        AtomicFile.WriteAllText(path, "x");

        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void A_write_that_throws_half_way_leaves_the_old_file_intact_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("feedback.md");
        File.WriteAllText(path, "old content");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half of the new");
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_written_file_that_is_refused_before_it_is_put_in_place_never_replaces_the_target()
    {
        using var folder = new TempFolder();
        string path = folder.File("TinyTorch.dll");

        Assert.Throws<InvalidDataException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "an edition that fails verification");
            Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(temporary)); // beside it: the rename stays on one file system
            throw new InvalidDataException("refused");
        }));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}

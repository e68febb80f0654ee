using System.Text;
using Course.Notebooks.Authoring;
using Course.Notebooks.Format;

namespace Course.Notebooks.Tests.Authoring;

public sealed class ReleasedFileTests
{
    private static ReleaseResult Release() =>
        ReleasePipeline.Default.Release(SourceCells.Notebook(SourceCells.Solution("int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n}", "f")));

    [Fact]
    public void The_release_as_written_to_a_file_is_current()
    {
        using var folder = new TempFolder();
        string path = folder.File("student.ipynb");
        ReleaseResult release = Release();
        IpynbWriter.Write(release.Student, path);

        Assert.True(ReleasedFile.IsCurrent(File.ReadAllBytes(path), release.Serialize()));
    }

    [Fact]
    public void A_file_that_differs_by_one_byte_or_a_byte_order_mark_is_stale()
    {
        string released = Release().Serialize();
        byte[] exact = Encoding.UTF8.GetBytes(released);
        byte[] edited = [.. exact];
        edited[^2] ^= 1;

        Assert.True(ReleasedFile.IsCurrent(exact, released));
        Assert.False(ReleasedFile.IsCurrent(edited, released));
        Assert.False(ReleasedFile.IsCurrent([.. Encoding.UTF8.GetPreamble(), .. exact], released));
        Assert.False(ReleasedFile.IsCurrent(exact.AsSpan(0, exact.Length - 1), released));
    }
}

using Course.Notebooks.Files;

namespace Course.Notebooks.Tests.Files;

public sealed class CanonicalPathTests
{
    [Fact]
    public void Two_spellings_of_one_file_and_a_link_to_it_are_the_same_path()
    {
        using var folder = new TempFolder();
        string file = folder.File("a.ipynb");
        File.WriteAllText(file, "{}");
        string link = folder.File("link.ipynb");
        File.CreateSymbolicLink(link, file);

        string canonical = CanonicalPath.Of(file);

        Assert.Equal(canonical, CanonicalPath.Of(Path.Combine(folder.Path, ".", "a.ipynb")));
        Assert.Equal(canonical, CanonicalPath.Of(link));
    }

    [Fact]
    public void A_folder_loses_its_trailing_separator_and_a_missing_file_is_its_full_path()
    {
        using var folder = new TempFolder();

        Assert.Equal(CanonicalPath.Of(folder.Path), CanonicalPath.Of(folder.Path + Path.DirectorySeparatorChar));
        Assert.Equal(folder.File("not-yet.ipynb"), CanonicalPath.Of(folder.File("not-yet.ipynb")));
    }

    [Fact]
    public void An_empty_path_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CanonicalPath.Of(""));

        Assert.Equal("path", error.ParamName);
    }
}

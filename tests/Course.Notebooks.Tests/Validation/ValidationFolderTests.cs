using Course.Notebooks.Validation;

namespace Course.Notebooks.Tests.Validation;

public sealed class ValidationFolderTests
{
    [Fact]
    public void Lists_the_sources_and_a_student_notebook_for_each_of_them()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("source"));
        Directory.CreateDirectory(folder.File("student"));
        File.WriteAllText(folder.File("source/b.ipynb"), "{}");
        File.WriteAllText(folder.File("source/a.ipynb"), "{}");
        File.WriteAllText(folder.File("student/a.ipynb"), "{}");
        File.WriteAllText(folder.File("student/z.ipynb"), "{}");

        ValidationFolder found = ValidationFolder.Find(folder.Path);

        Assert.Equal([folder.File("source/a.ipynb"), folder.File("source/b.ipynb")], found.Sources);
        Assert.Equal([folder.File("student/a.ipynb"), folder.File("student/b.ipynb"), folder.File("student/z.ipynb")], found.Students);
        Assert.Equal($"{folder.Path}: 2 source notebooks, 2 student notebooks", found.Heading);
    }

    [Fact]
    public void A_folder_with_neither_source_nor_student_is_refused_naming_it()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<DirectoryNotFoundException>(() => ValidationFolder.Find(folder.Path));

        Assert.Equal($"{folder.Path}: no source/ or student/ folder to validate", error.Message);
    }
}

using Course.Kernel.Specs;

namespace Course.Kernel.Tests.Specs;

public sealed class KernelSpecLocationTests
{
    [Fact]
    public void The_users_folder_or_a_prefix()
    {
        using var prefix = new TempFolder();

        Assert.Null(KernelSpecLocation.Check(user: false, prefix: null));
        Assert.Null(KernelSpecLocation.Check(user: true, prefix: null));
        Assert.Equal(prefix.Path, KernelSpecLocation.Check(user: false, prefix.Path));
        Assert.Equal(prefix.File("new"), KernelSpecLocation.Check(user: false, prefix.File("new")));
    }

    [Fact]
    public void Both_or_an_empty_prefix_are_refused()
    {
        Assert.Equal("choose either --user or --prefix, not both.", Assert.Throws<ArgumentException>(() => KernelSpecLocation.Check(true, "/tmp/x")).Message);
        Assert.Equal("--prefix needs a folder.", Assert.Throws<ArgumentException>(() => KernelSpecLocation.Check(false, "")).Message);
    }

    [Fact]
    public void A_file_where_a_folder_must_be_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        string file = folder.File("not-a-folder");
        File.WriteAllText(file, "");
        File.WriteAllText(folder.File("share"), "");

        var itself = Assert.Throws<ArgumentException>(() => KernelSpecLocation.Check(false, file));
        var below = Assert.Throws<ArgumentException>(() => KernelSpecLocation.Check(false, folder.Path));

        Assert.Equal($"--prefix '{file}' is a file; it must be a folder (it is created if missing).", itself.Message);
        Assert.Equal($"--prefix '{folder.Path}' cannot hold share/jupyter/kernels: '{folder.File("share")}' is a file.", below.Message);
    }
}

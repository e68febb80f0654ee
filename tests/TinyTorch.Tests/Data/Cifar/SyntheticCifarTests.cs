using TinyTorch.Data.Cifar;
using TinyTorch.Tests.TestDoubles;

namespace TinyTorch.Tests.Data.Cifar;

public class SyntheticCifarTests
{
    [Fact]
    public void Write_ProducesWholeRecords_WithLabelsZeroToNine()
    {
        using var dir = new TempDirectory();

        string path = SyntheticCifar.Write(dir.File("train.bin"), 25, seed: 1);

        Assert.Equal(Path.GetFullPath(dir.File("train.bin")), path);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(25 * 3073, bytes.Length);
        for (int r = 0; r < 25; r++)
        {
            Assert.InRange(bytes[r * 3073], 0, 9);
        }

        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Write_IsDeterministic_SameSeedSameBytes_DifferentSeedDifferentBytes()
    {
        using var dir = new TempDirectory();

        var a = File.ReadAllBytes(SyntheticCifar.Write(dir.File("a.bin"), 1100, seed: 7));
        var b = File.ReadAllBytes(SyntheticCifar.Write(dir.File("sub/b.bin"), 1100, seed: 7));
        var c = File.ReadAllBytes(SyntheticCifar.Write(dir.File("c.bin"), 1100, seed: 8));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Write_UsesSeveralClasses()
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(SyntheticCifar.Write(dir.File("a.bin"), 200, seed: 3));

        var labels = Enumerable.Range(0, 200).Select(r => bytes[r * 3073]).Distinct().Count();

        Assert.Equal(10, labels);
    }

    [Fact]
    public void Write_RefusesToOverwrite_UnlessAsked()
    {
        using var dir = new TempDirectory();
        string path = dir.File("data.bin");
        File.WriteAllText(path, "precious");

        var ex = Assert.Throws<IOException>(() => SyntheticCifar.Write(path, 3));
        Assert.Contains(Path.GetFullPath(path), ex.Message);
        Assert.Contains("overwrite", ex.Message);
        Assert.Equal("precious", File.ReadAllText(path));

        SyntheticCifar.Write(path, 3, seed: 2, overwrite: true);
        Assert.Equal(3 * 3073, new FileInfo(path).Length);
    }

    [Fact]
    public void Write_ReportsProgress_UpToTheCount()
    {
        using var dir = new TempDirectory();
        var reports = new List<int>();

        SyntheticCifar.Write(dir.File("p.bin"), 2500, progress: new SyncProgress(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(2500, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public void Write_ZeroRecords_MakesAnEmptyFile()
    {
        using var dir = new TempDirectory();

        string path = SyntheticCifar.Write(dir.File("empty.bin"), 0);

        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void Write_BadArguments_Throw()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticCifar.Write(dir.File("x.bin"), -4));
        Assert.Equal("count", ex.ParamName);
        Assert.Contains("-4", ex.Message);
        Assert.ThrowsAny<ArgumentException>(() => SyntheticCifar.Write(" ", 1));
        Assert.Throws<ArgumentNullException>(() => SyntheticCifar.Write(null!, 1));
        Assert.False(File.Exists(dir.File("x.bin")));
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

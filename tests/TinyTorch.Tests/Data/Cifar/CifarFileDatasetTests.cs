using TinyTorch.Data;
using TinyTorch.Data.Cifar;
using TinyTorch.Tests.TestDoubles;
using TinyTorch.Transforms;

namespace TinyTorch.Tests.Data.Cifar;

public sealed class CifarFileDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Synthetic(int count, int seed = 1, string name = "data.bin") =>
        SyntheticCifar.Write(_dir.File(name), count, seed);

    [Fact]
    public void Count_IsTheFileLengthOverRecordBytes_AndNothingIsReadOnOpen()
    {
        string path = Synthetic(37);

        using var data = new CifarFileDataset(path);

        Assert.Equal(new FileInfo(path).Length / 3073, data.Count);
        Assert.Equal(37, data.Count);
        Assert.Equal(0, data.RecordsRead);
        Assert.Equal(Path.GetFullPath(path), data.Path);
    }

    [Fact]
    public void Samples_MatchTheFileBytes_ImageInZeroToOne_LabelZeroToNine()
    {
        string path = Synthetic(12);
        var bytes = File.ReadAllBytes(path);

        using var data = new CifarFileDataset(path);

        for (int r = 0; r < data.Count; r++)
        {
            var (image, label) = (data[r][0], data[r][1]);
            Assert.Equal([3, 32, 32], image.Shape);
            Assert.Equal(0, label.Rank);
            Assert.Equal(bytes[r * 3073], label[Array.Empty<int>()]);
            Assert.InRange(label[Array.Empty<int>()], 0, 9);
            for (int i = 0; i < 3072; i++)
            {
                float v = image.Values[i];
                Assert.InRange(v, 0f, 1f);
                byte pixel = bytes[r * 3073 + 1 + i];
                Assert.Equal(pixel / 255.0, v, tolerance: 1e-6);
                Assert.Equal(pixel, (int)Math.Round(v * 255.0));
            }
        }
    }

    [Fact]
    public void Reads_AreLazy_CountedPerRecord()
    {
        using var data = new CifarFileDataset(Synthetic(50));

        _ = data[3];
        Assert.Equal(1, data.RecordsRead);
        _ = data[-1];
        Assert.Equal(2, data.RecordsRead);

        var loader = new DataLoader(data, batchSize: 8, shuffle: true, seed: 1);
        using var e = loader.GetEnumerator();
        Assert.Equal(2, data.RecordsRead);
        Assert.True(e.MoveNext());
        Assert.Equal(10, data.RecordsRead);
        Assert.True(e.MoveNext());
        Assert.Equal(18, data.RecordsRead);
    }

    [Fact]
    public void IndexerAndCopySample_Agree()
    {
        using var data = new CifarFileDataset(Synthetic(9));

        Assert.True(data.CanCopyRows);
        Assert.Equal(2, data.Positions);
        Assert.Equal([3, 32, 32], data.SampleShape(0).ToArray());
        Assert.Empty(data.SampleShape(1).ToArray());
        for (int r = -9; r < 9; r++)
        {
            var sample = data[r];
            var image = new float[3072];
            var label = new float[1];
            data.CopySample(r, 0, image);
            data.CopySample(r, 1, label);
            TestData.AssertValues(sample[0].Values, image);
            TestData.AssertValues(sample[1].Values, label);
        }
    }

    [Fact]
    public void BadIndexPositionOrDestination_Throw()
    {
        using var data = new CifarFileDataset(Synthetic(3));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => data[3]);
        Assert.Contains("3", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => data[-4]);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => data.SampleShape(2).ToArray()).ParamName);
        Assert.Equal("position", Assert.Throws<ArgumentOutOfRangeException>(() => data.CopySample(0, 2, new float[3072])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => data.CopySample(0, 0, new float[3071])).ParamName);
    }

    [Fact]
    public void CopySample_LabelDestinationOfTheWrongLength_ThrowsArgumentException()
    {
        using var data = new CifarFileDataset(Synthetic(3));

        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => data.CopySample(0, 1, Span<float>.Empty)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => data.CopySample(0, 1, new float[2])).ParamName);
    }

    [Fact]
    public void TruncatedFile_ThrowsInvalidData_NamingTheFileAndTheRecord()
    {
        string path = _dir.File("truncated.bin");
        var bytes = File.ReadAllBytes(Synthetic(3, name: "whole.bin"));
        File.WriteAllBytes(path, bytes.AsSpan(0, 2 * 3073 + 100).ToArray());

        var ex = Assert.Throws<InvalidDataException>(() => new CifarFileDataset(path));

        Assert.Contains(Path.GetFullPath(path), ex.Message);
        Assert.Contains("record 2", ex.Message);
        Assert.Contains("100", ex.Message);
    }

    [Fact]
    public void LabelByteOfTenOrMore_ThrowsInvalidData_NamingTheFileAndTheRecord()
    {
        string path = Synthetic(4);
        var bytes = File.ReadAllBytes(path);
        bytes[2 * 3073] = 10;
        bytes[3 * 3073] = 255;
        File.WriteAllBytes(path, bytes);

        using var data = new CifarFileDataset(path);

        var ex = Assert.Throws<InvalidDataException>(() => data[2]);
        Assert.Contains(Path.GetFullPath(path), ex.Message);
        Assert.Contains("record 2", ex.Message);
        Assert.Contains("10", ex.Message);
        Assert.Contains("record 3", Assert.Throws<InvalidDataException>(() => data.CopySample(-1, 1, new float[1])).Message);
        _ = data[1]; // the good records stay readable
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void LabelByteOfTenOrMore_ThroughTheLoader_IsASampleLoadException(int workers)
    {
        string path = Synthetic(8);
        var bytes = File.ReadAllBytes(path);
        bytes[5 * 3073] = 10;
        File.WriteAllBytes(path, bytes);
        using var data = new CifarFileDataset(path);

        var ex = Assert.Throws<SampleLoadException>(() => TestData.Epoch(new DataLoader(data, batchSize: 4, numWorkers: workers)));

        Assert.Equal(5, ex.SampleIndex);
        Assert.IsType<InvalidDataException>(ex.InnerException);
        Assert.Contains("record 5", ex.InnerException!.Message);
    }

    [Fact]
    public void MissingFile_ThrowsFileNotFound_NamingTheFile()
    {
        string path = _dir.File("nope.bin");

        var ex = Assert.Throws<FileNotFoundException>(() => new CifarFileDataset(path));

        Assert.Equal(Path.GetFullPath(path), ex.FileName);
        Assert.Contains("nope.bin", ex.Message);
        Assert.ThrowsAny<ArgumentException>(() => new CifarFileDataset(""));
        Assert.Throws<ArgumentNullException>(() => new CifarFileDataset(null!));
    }

    [Fact]
    public void EmptyFile_IsAnEmptyDataset()
    {
        using var data = new CifarFileDataset(Synthetic(0));

        Assert.Empty(data);
        Assert.Throws<ArgumentOutOfRangeException>(() => data[0]);
        Assert.Empty(TestData.Epoch(new DataLoader(data, batchSize: 4)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ThroughALoader_WithShuffleAndAugmentation_YieldsImageAndLabelBatches(int workers)
    {
        string path = Synthetic(45);
        var bytes = File.ReadAllBytes(path);
        var fileLabels = Enumerable.Range(0, 45).Select(r => (int)bytes[r * 3073]).Order().ToArray();
        using var data = new CifarFileDataset(path);
        var train = new TransformedDataset(data, new Compose(new RandomHorizontalFlip(seed: 1), new RandomCrop(32, padding: 4, seed: 2)));
        var loader = new DataLoader(train, batchSize: 16, shuffle: true, seed: 3, numWorkers: workers);

        var batches = TestData.Epoch(loader);

        Assert.Equal(3, loader.Count);
        Assert.Equal([16, 16, 13], batches.Select(b => b.SampleCount));
        foreach (var batch in batches)
        {
            var (x, y) = batch;
            Assert.Equal([batch.SampleCount, 3, 32, 32], x.Shape);
            Assert.Equal([batch.SampleCount], y.Shape);
            Assert.All(x.ToArray(), v => Assert.InRange(v, 0f, 1f));
        }

        Assert.Equal(fileLabels, batches.SelectMany(b => b[1].ToLabels()).Order());
        Assert.Equal(45, data.RecordsRead);
    }

    [Fact]
    public void ThroughALoader_FusedAndPlainPathsAgree()
    {
        using var data = new CifarFileDataset(Synthetic(20));
        var fused = new DataLoader(new TransformedDataset(data, new Compose(new RandomHorizontalFlip(seed: 1), new RandomCrop(32, padding: 4, seed: 2))), batchSize: 6, shuffle: true, seed: 3);
        var plain = new DataLoader(new TransformedDataset(data, new Compose(new RandomHorizontalFlip(seed: 1), new RandomCrop(32, padding: 4, seed: 2))), batchSize: 6, shuffle: true, seed: 3, collate: Collate.Stack);

        var a = TestData.Epoch(fused);
        var b = plain.ToList();

        Assert.Equal(b.Count, a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            TestData.AssertSameBatch(b[i], a[i]);
        }
    }
}

using Course.Specs.Core;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Data.Cifar;

namespace Course.Specs.Checks;

/// <summary>The graded properties of the lazy CIFAR dataset exercise (notebook 01, grade_id <c>lazy-dataset</c>).</summary>
public static class LazyDatasetSpecs
{
    /// <summary>The grade_id of the check cell.</summary>
    public const string GradeId = GradeIds.LazyDataset;

    /// <summary>The checks.</summary>
    public static IReadOnlyList<Spec> All { get; } =
    [
        new("lazy-count", GradeId, 2, "Count is the number of records in the file",
            "Each record is 3,073 bytes: Count = file length / 3,073.", impl => WithFile(impl, 37, path =>
            {
                using var lease = Open(impl, path);
                Expect.Equal(37, lease.Dataset.Count, "Count of a file of 37 records");
            })),
        new("lazy-values", GradeId, 3, "Sample i is (image [3, 32, 32] scaled to [0, 1], label)",
            "Seek to i * 3073; byte 0 is the label, the next 3,072 bytes are the pixels in CHW order; divide each by 255f.", impl => WithFile(impl, 12, path =>
            {
                using var lease = Open(impl, path);
                using var reference = new CifarFileDataset(path);
                foreach (int i in new[] { 0, 5, 11, -1 })
                {
                    var expected = reference[i];
                    var actual = lease.Dataset[i];
                    Expect.Equal(2, actual?.Length ?? 0, $"the number of tensors in sample {i}");
                    Expect.SameTensor(expected[0], actual![0], $"the image of sample {i}");
                    Expect.Equal(expected[1].Values[0], actual[1].Length == 1 ? actual[1].Values[0] : float.NaN, $"the label of sample {i}");
                }
            })),
        new("lazy-on-demand", GradeId, 3, "Records are read when asked for, not when the dataset is created",
            "Keep only the path (or an open stream) in the constructor; read record i inside the indexer.", impl => WithFile(impl, 20, path =>
            {
                using var lease = Open(impl, path);
                // Rewrite record 7 after the dataset exists: only a lazy dataset sees the new bytes.
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                    stream.Position = 7L * CifarFormat.RecordBytes;
                    stream.WriteByte(9);
                    stream.Write(Enumerable.Repeat((byte)255, CifarFormat.ImageBytes).ToArray());
                }

                var sample = lease.Dataset[7];
                Expect.That(sample[1].Values[0] == 9 && sample[0].Values[100] == 1f,
                    "Expected record 7 to be read from the file when dataset[7] was requested (it was rewritten after the dataset was created)",
                    () => "the dataset returned the old record: it read the file up front");
            })),
        new("lazy-memory", GradeId, 2, "Creating the dataset does not load the file into memory",
            "Do not read the whole file (File.ReadAllBytes) or decode every record in the constructor.", impl => WithFile(impl, 2000, path =>
            {
                var create = Implementation.Require(impl.LazyCifar, "the lazy CIFAR dataset");
                Dataset<Tensor[]>? dataset = null;
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long read = impl.World.StudentBytesRead(() => dataset = create(path));
                // Allocation is seen only when the code runs on this thread; bytes read wherever it runs.
                long allocated = impl.World is InProcessWorld ? GC.GetAllocatedBytesForCurrentThread() - allocatedBefore : 0;
                (dataset as IDisposable)?.Dispose();
                long fileBytes = new FileInfo(path).Length;
                Expect.That(read < 1_000_000 && allocated < 1_000_000,
                    $"Expected creating a dataset over a {fileBytes / 1e6:0.#} MB file to read and allocate well under 1 MB",
                    () => $"it read {read / 1e6:0.##} MB of files and allocated {allocated / 1e6:0.##} MB: it loads the file up front");
            })),
    ];

    private static void WithFile(Implementation impl, int records, Action<string> body)
    {
        // In the world's scratch folder: where the code under test runs, it must be able to open the file.
        string path = Path.Combine(impl.World.ScratchFolder, $"course-spec-{Guid.NewGuid():N}.bin");
        try
        {
            SyntheticCifar.Write(path, records, seed: records);
            body(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Lease Open(Implementation impl, string path) =>
        new(Implementation.Require(impl.LazyCifar, "the lazy CIFAR dataset")(path));

    private sealed class Lease(Dataset<Tensor[]> dataset) : IDisposable
    {
        public Dataset<Tensor[]> Dataset => dataset;

        public void Dispose() => (dataset as IDisposable)?.Dispose();
    }
}

using System.IO.MemoryMappedFiles;

namespace TinyTorch.Data.Cifar;

/// <summary>
/// A lazy dataset over a CIFAR-10 binary file: the file is memory-mapped, and record i is decoded
/// only when sample i is requested, so a file far larger than memory can be trained on while the
/// process holds one batch at a time. Sample i is (image [3, 32, 32] scaled to [0, 1], label scalar).
/// </summary>
/// <remarks>Reads are thread-safe, so loader workers can share one instance.</remarks>
public sealed class CifarFileDataset : Dataset<Tensor[]>, IRowSource, IDisposable
{
    private static readonly int[] LabelShape = [];
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private long _recordsRead;

    /// <summary>Opens <paramref name="path"/> for lazy reading; nothing but its length is read now.</summary>
    /// <param name="path">A CIFAR-10 binary file (such as <c>data_batch_1.bin</c>).</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file's length is not a whole number of records (the message names the file and the truncated record).</exception>
    public CifarFileDataset(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"CIFAR file '{Path}' does not exist.", Path);
        }

        long length = new FileInfo(Path).Length;
        if (length % CifarFormat.RecordBytes != 0)
        {
            long whole = length / CifarFormat.RecordBytes;
            throw new InvalidDataException(
                $"CIFAR file '{Path}' is truncated or not in CIFAR format: record {whole} has only " +
                $"{length % CifarFormat.RecordBytes} of {CifarFormat.RecordBytes} bytes ({length} bytes in all).");
        }

        Count = checked((int)(length / CifarFormat.RecordBytes));
        if (length > 0)
        {
            // An empty file cannot be mapped; it is simply a dataset of Count 0.
            _file = MemoryMappedFile.CreateFromFile(Path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            _view = _file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        }
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override int Count { get; }

    /// <summary>How many records have been decoded so far: evidence of laziness.</summary>
    public long RecordsRead => Interlocked.Read(ref _recordsRead);

    /// <summary>Sample <paramref name="index"/>: its image [3, 32, 32] with values in [0, 1] and its label as a scalar.</summary>
    /// <param name="index">The record, in [-Count, Count).</param>
    /// <exception cref="ArgumentOutOfRangeException">No such record.</exception>
    /// <exception cref="InvalidDataException">The record's label is not 0-9 (the message names the file and record).</exception>
    public override Tensor[] this[int index]
    {
        get
        {
            var image = new float[CifarFormat.ImageBytes];
            CopySample(index, 0, image);
            return [new Tensor(image, CifarFormat.ImageShape.ToArray()), Tensor.Scalar(ReadLabel(NormalizeIndex(index)))];
        }
    }

    /// <inheritdoc/>
    public bool CanCopyRows => true;

    /// <inheritdoc/>
    public int Positions => 2;

    /// <inheritdoc/>
    public ReadOnlySpan<int> SampleShape(int position) => position switch
    {
        0 => CifarFormat.ImageShape,
        1 => LabelShape,
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, $"Position {position} does not exist; CIFAR samples are (image, label)."),
    };

    /// <inheritdoc/>
    public void CopySample(int index, int position, Span<float> destination)
    {
        int record = NormalizeIndex(index);
        int expected = position == 1 ? 1 : CifarFormat.ImageBytes;
        _ = SampleShape(position);
        if (destination.Length != expected)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} values but position {position} of a CIFAR sample holds {expected}.", nameof(destination));
        }

        if (position == 1)
        {
            destination[0] = ReadLabel(record);
            return;
        }

        Span<byte> pixels = stackalloc byte[CifarFormat.ImageBytes];
        View.SafeMemoryMappedViewHandle.ReadSpan((ulong)record * CifarFormat.RecordBytes + 1, pixels);
        for (int i = 0; i < pixels.Length; i++)
        {
            destination[i] = pixels[i] / 255f;
        }

        Interlocked.Increment(ref _recordsRead);
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        _view?.Dispose();
        _file?.Dispose();
    }

    private MemoryMappedViewAccessor View =>
        _view ?? throw new InvalidOperationException($"CIFAR file '{Path}' is empty.");

    private float ReadLabel(int record)
    {
        byte label = View.ReadByte((long)record * CifarFormat.RecordBytes);
        if (label >= CifarFormat.ClassCount)
        {
            throw new InvalidDataException(
                $"CIFAR file '{Path}' is corrupt: record {record} has label {label}, but labels are 0-{CifarFormat.ClassCount - 1}.");
        }

        return label;
    }
}

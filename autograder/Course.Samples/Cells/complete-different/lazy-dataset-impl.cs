using TinyTorch.Data.Cifar;
namespace Course.Samples.Cells.CompleteDifferent; // project-only

// Reads records with RandomAccess on a file handle instead of a FileStream.
public sealed class LazyCifarDataset : Dataset<Tensor[]>, IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;
    private readonly string _path;
    private readonly int _records;

    public LazyCifarDataset(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No CIFAR file at '{path}'.", path);
        _path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long length = RandomAccess.GetLength(_handle);
        if (length % CifarFormat.RecordBytes != 0)
            throw new InvalidDataException($"'{path}' holds {length} bytes, not a whole number of {CifarFormat.RecordBytes}-byte records.");
        _records = (int)(length / CifarFormat.RecordBytes);
    }

    public override int Count => _records;

    public override Tensor[] this[int index]
    {
        get
        {
            int i = index >= 0 ? index : _records + index;
            if (i < 0 || i >= _records)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"Index {index} is outside a dataset of Count {_records}.");
            var record = new byte[CifarFormat.RecordBytes];
            RandomAccess.Read(_handle, record, (long)i * CifarFormat.RecordBytes);
            if (record[0] > 9) throw new InvalidDataException($"Record {i} of '{_path}' has label {record[0]}.");
            var pixels = new float[CifarFormat.ImageBytes];
            for (int p = 0; p < pixels.Length; p++) pixels[p] = record[p + 1] / 255f;
            return [new Tensor(pixels, 3, 32, 32), Tensor.Scalar(record[0])];
        }
    }

    public void Dispose() => _handle.Dispose();
}

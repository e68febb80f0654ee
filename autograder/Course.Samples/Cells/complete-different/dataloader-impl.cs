namespace Course.Samples.Cells.CompleteDifferent; // project-only
// LINQ batching and Random.Shuffle (Fisher-Yates) over an index array.
public class DataLoader : IEnumerable<Tensor[]>
{
    private readonly Dataset<Tensor[]> _data;
    private readonly int _size;
    private readonly bool _shuffle, _dropLast;
    private readonly Random _rng;

    public DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0)
    {
        _data = dataset ?? throw new ArgumentNullException(nameof(dataset));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be positive, got {batchSize}.");
        (_size, _shuffle, _dropLast, _rng) = (batchSize, shuffle, dropLast, new Random(seed));
    }

    public int Count => _dropLast ? _data.Count / _size : (_data.Count + _size - 1) / _size;

    public IEnumerator<Tensor[]> GetEnumerator()
    {
        int[] order = Enumerable.Range(0, _data.Count).ToArray();
        if (_shuffle) _rng.Shuffle(order);
        int batches = Count;
        for (int b = 0; b < batches; b++)
        {
            var samples = order.Skip(b * _size).Take(_size).Select(i => _data[i]).ToList();
            yield return Enumerable.Range(0, samples[0].Length).Select(p => Tensor.Stack(samples.Select(s => s[p]).ToList())).ToArray();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

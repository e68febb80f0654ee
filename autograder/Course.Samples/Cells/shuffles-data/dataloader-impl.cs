namespace Course.Samples.Cells.ShufflesData; // project-only
// Shuffles the SAMPLES: reads the whole dataset at the start of every epoch and shuffles the copies.
public class DataLoader : IEnumerable<Tensor[]>
{
    private readonly Dataset<Tensor[]> _dataset;
    private readonly int _batchSize;
    private readonly bool _shuffle, _dropLast;
    private readonly Random _random;

    public DataLoader(Dataset<Tensor[]> dataset, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be positive, but was {batchSize}.");
        (_batchSize, _shuffle, _dropLast, _random) = (batchSize, shuffle, dropLast, new Random(seed));
    }

    public int Count => _dropLast ? _dataset.Count / _batchSize : (_dataset.Count + _batchSize - 1) / _batchSize;

    public IEnumerator<Tensor[]> GetEnumerator()
    {
        var all = new List<Tensor[]>();
        for (int i = 0; i < _dataset.Count; i++) all.Add(_dataset[i]);
        if (_shuffle)
            for (int i = all.Count - 1; i > 0; i--)
            {
                int j = _random.Next(i + 1);
                (all[i], all[j]) = (all[j], all[i]);
            }
        for (int b = 0; b < Count; b++)
        {
            var batch = all.Skip(b * _batchSize).Take(_batchSize).ToList();
            yield return Enumerable.Range(0, batch[0].Length).Select(p => Tensor.Stack(batch.Select(s => s[p]).ToList())).ToArray();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

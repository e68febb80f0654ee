namespace Course.Samples.Cells.ScansPerBatch; // project-only
// Right batches, found the slow way: every batch tests each position of the shuffled index list for whether it
// belongs to that batch, so a batch costs O(n) and an epoch O(n^2 / batchSize).
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
        int[] order = Enumerable.Range(0, _dataset.Count).ToArray();
        if (_shuffle)
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = _random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        for (int b = 0; b < Count; b++)
        {
            var samples = order.Where((_, position) => position / _batchSize == b).Select(i => _dataset[i]).ToList();
            yield return Enumerable.Range(0, samples[0].Length).Select(p => Tensor.Stack(samples.Select(s => s[p]).ToList())).ToArray();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

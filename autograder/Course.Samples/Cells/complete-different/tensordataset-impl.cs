namespace Course.Samples.Cells.CompleteDifferent; // project-only
// Keeps the tensors in a list and slices rows out of their values directly.
public class TensorDataset : Dataset<Tensor[]>
{
    private readonly List<Tensor> _columns = new();

    public TensorDataset(params Tensor[] tensors)
    {
        if (tensors is null || tensors.Length == 0) throw new ArgumentException("Give at least one tensor.", nameof(tensors));
        foreach (var t in tensors)
        {
            if (t is null || t.Rank == 0) throw new ArgumentException("Every tensor needs a sample dimension.", nameof(tensors));
            if (t.Size(0) != tensors[0].Size(0))
                throw new ArgumentException($"Size mismatch on dimension 0: {tensors[0].Size(0)} vs {t.Size(0)}.", nameof(tensors));
            _columns.Add(t);
        }
    }

    public override int Count => _columns[0].Size(0);

    public override Tensor[] this[int index]
    {
        get
        {
            int n = Count;
            if (index < -n || index >= n) throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} out of range for Count {n}.");
            int row = (index + n) % n;
            var sample = new Tensor[_columns.Count];
            for (int p = 0; p < sample.Length; p++)
            {
                var column = _columns[p];
                int length = column.RowLength;
                sample[p] = new Tensor(column.Values.Slice(row * length, length).ToArray(), column.Shape.Skip(1).ToArray());
            }
            return sample;
        }
    }
}

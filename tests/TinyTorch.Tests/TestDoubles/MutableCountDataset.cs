using TinyTorch.Data;

namespace TinyTorch.Tests.TestDoubles;

/// <summary>A dataset whose <see cref="Count"/> a test can change mid-epoch (sample i is ([i], i)).</summary>
internal sealed class MutableCountDataset(int count) : Dataset<Tensor[]>
{
    private int _count = count;

    public override int Count => Volatile.Read(ref _count);

    public void SetCount(int value) => Volatile.Write(ref _count, value);

    public override Tensor[] this[int index]
    {
        get
        {
            int i = NormalizeIndex(index);
            return [new Tensor([i], 1), Tensor.Scalar(i)];
        }
    }
}

#!/usr/bin/env python3
"""Rebuilds autograder/samples/* from notebooks/student (released) and notebooks/source (solutions)."""
import json, os, re, sys, copy, shutil
ROOT = '/work/main'
SRC = os.path.join(ROOT, 'notebooks/source')
STU = os.environ.get('STUDENT_DIR', os.path.join(ROOT, 'notebooks/student'))
OUT = os.environ.get('SAMPLES_DIR', os.path.join(ROOT, 'autograder/samples'))

ALT = {}
ALT['lazy-dataset-impl'] = r'''using TinyTorch.Data.Cifar;

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
}'''

ALT['tensordataset-impl'] = r'''// Keeps the tensors in a list and slices rows out of their values directly.
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
}'''

ALT['dataloader-impl'] = r'''// LINQ batching and Random.Shuffle (Fisher-Yates) over an index array.
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
}'''

ALT['collate-impl'] = r'''// One block per position, filled sample after sample with a running offset.
static Tensor[] Collate(IReadOnlyList<Tensor[]> samples)
{
    if (samples is null || samples.Count == 0) throw new ArgumentException("Nothing to collate.", nameof(samples));
    var result = new Tensor[samples[0].Length];
    for (int p = 0; p < result.Length; p++)
    {
        var shape = samples[0][p].Shape;
        int length = samples[0][p].Length;
        var block = new float[length * samples.Count];
        int offset = 0;
        foreach (var sample in samples)
        {
            if (!sample[p].Shape.SequenceEqual(shape)) throw new ArgumentException($"Sample shapes differ at position {p}.", nameof(samples));
            sample[p].Values.CopyTo(block.AsSpan(offset));
            offset += length;
        }
        result[p] = new Tensor(block, shape.Prepend(samples.Count).ToArray());
    }
    return result;
}'''

ALT['flip-impl'] = r'''// Index arithmetic: output column x reads input column W - 1 - x.
public class RandomHorizontalFlip : ITransform
{
    private readonly double _p;
    private readonly Random _random;

    public RandomHorizontalFlip(double p = 0.5, int seed = 0)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, string.Format(System.Globalization.CultureInfo.InvariantCulture, "Probability {0} is not in [0, 1].", p));
        _p = p;
        _random = new Random(seed);
    }

    public Tensor Apply(Tensor input)
    {
        int w = input.Size(-1);
        var src = input.ToArray();
        var dst = new float[src.Length];
        bool flip = _random.NextDouble() < _p;
        for (int i = 0; i < src.Length; i++)
        {
            int col = i % w;
            dst[i] = flip ? src[i - col + (w - 1 - col)] : src[i];
        }
        return new Tensor(dst, input.Shape.ToArray());
    }
}'''

ALT['crop-impl'] = r'''// No padded copy: each output pixel reads its source pixel, or zero outside the image.
public class RandomCrop : ITransform
{
    private readonly int _size, _padding;
    private readonly Random _random;

    public RandomCrop(int size, int padding = 4, int seed = 0)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, $"Crop size {size} must be at least 1.");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, $"Padding {padding} must not be negative.");
        (_size, _padding, _random) = (size, padding, new Random(seed));
    }

    public Tensor Apply(Tensor input)
    {
        int h = input.Size(-2), w = input.Size(-1), c = input.Rank == 3 ? input.Size(0) : 1;
        if (_size > h + 2 * _padding || _size > w + 2 * _padding)
            throw new ArgumentException($"Crop size {_size} exceeds the padded image {h + 2 * _padding}x{w + 2 * _padding}.");
        int top = _random.Next(h + 2 * _padding - _size + 1), left = _random.Next(w + 2 * _padding - _size + 1);
        var src = input.ToArray();
        var dst = new float[c * _size * _size];
        for (int ch = 0; ch < c; ch++)
            for (int y = 0; y < _size; y++)
                for (int x = 0; x < _size; x++)
                {
                    int sy = top + y - _padding, sx = left + x - _padding;
                    if (sy >= 0 && sy < h && sx >= 0 && sx < w) dst[(ch * _size + y) * _size + x] = src[(ch * h + sy) * w + sx];
                }
        return new Tensor(dst, input.Rank == 3 ? [c, _size, _size] : [_size, _size]);
    }
}'''

ALT['compose-impl'] = r'''// A fold over the stages.
public class Compose : ITransform
{
    private readonly IReadOnlyList<ITransform> _stages;

    public Compose(params ITransform[] transforms) => _stages = transforms.ToList();

    public Tensor Apply(Tensor input) => _stages.Aggregate(input.Clone(), (x, stage) => stage.Apply(x));
}'''

ALT['prefetcher-impl'] = r'''using System.Threading.Channels;

// A bounded Channel and a thread-pool task instead of a BlockingCollection and a thread.
public sealed class Prefetcher<T> : IEnumerable<T>
{
    private readonly IEnumerable<T> _source;
    private readonly int _capacity;

    public Prefetcher(IEnumerable<T> source, int capacity)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be at least 1, got {capacity}.");
        _capacity = capacity;
    }

    public IEnumerator<T> GetEnumerator()
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(_capacity) { SingleReader = true, SingleWriter = true });
        var stop = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in _source) await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.TryComplete();
            }
            catch (OperationCanceledException) { channel.Writer.TryComplete(); }
            catch (Exception e) { channel.Writer.TryComplete(e); }
        });
        try
        {
            while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                while (channel.Reader.TryRead(out var item)) yield return item;
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}'''

def load(p): return json.load(open(p, encoding='utf-8'))
def save(nb, p):
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, 'w', encoding='utf-8').write(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
def lines(text):
    parts = text.split('\n')
    return [l + '\n' for l in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
def gid(c): return (c.get('metadata', {}).get('nbgrader') or {}).get('grade_id')
def is_solution(c): return (c.get('metadata', {}).get('nbgrader') or {}).get('solution') is True

def reference_solution(src_nb, grade_id):
    for c in src_nb['cells']:
        if gid(c) == grade_id:
            text = ''.join(c['source'])
            return '\n'.join(l for l in text.split('\n') if 'BEGIN SOLUTION' not in l and 'END SOLUTION' not in l)
    raise KeyError(grade_id)

def build(sample, choose):
    """choose(grade_id, reference_text) -> text to put in the solution cell, or None to keep the stub."""
    for name in sorted(os.listdir(STU)):
        if not name.endswith('.ipynb'): continue
        stu = load(os.path.join(STU, name)); src = load(os.path.join(SRC, name))
        nb = copy.deepcopy(stu)
        for c in nb['cells']:
            if c['cell_type'] == 'code' and is_solution(c):
                text = choose(gid(c), reference_solution(src, gid(c)))
                if text is not None:
                    c['source'] = lines(text)
        save(nb, os.path.join(OUT, sample, name))

if os.path.isdir(OUT):
    for d in os.listdir(OUT):
        if os.path.isdir(os.path.join(OUT, d)): shutil.rmtree(os.path.join(OUT, d))

build('complete-different', lambda g, ref: ALT.get(g, ref))
build('partial', lambda g, ref: {'tensordataset-impl': ref, 'collate-impl': ALT['collate-impl'], 'flip-impl': ALT['flip-impl']}.get(g))
def insert_after(text, declaration, insertion):
    m = re.search(declaration, text)
    if not m: raise KeyError(declaration)
    brace = text.index('{', m.end())
    return text[:brace + 1] + insertion + text[brace + 1:]

def compile_error(g, ref):
    if g == 'dataloader-impl':
        # A forgotten expression: the whole cell fails to compile (CS1525).
        return insert_after(ref, r'class DataLoader\b', '\n    private readonly int _lastBatch = ;')
    return ref
build('compile-error', compile_error)
def infinite(g, ref):
    if g == 'collate-impl':
        return insert_after(ref, r'static Tensor\[\] Collate\(', '\n    while (true) { }  // a loop that never ends')
    return ref
build('infinite-loop', infinite)
SHUFFLE_DATA = r'''// Shuffles the SAMPLES: reads the whole dataset at the start of every epoch and shuffles the copies.
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
}'''
build('shuffles-data', lambda g, ref: SHUFFLE_DATA if g == 'dataloader-impl' else ref)
print('samples written:', sorted(os.listdir(OUT)))

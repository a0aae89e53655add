using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenApiGen.Runtime;

namespace QwenImageEdit.Vendors;

/// <summary>
/// A vendor's server-sent events as they arrive, each whole event scrubbed before anything above can read it. The
/// transport cannot scrub a stream chunk by chunk (a key split across two reads is in neither), so this reads the
/// connection into events first: lines as the SSE format ends them (CR, LF or CRLF), an event at each blank line. Each
/// event's data is then scrubbed as one value (as JSON, every string unescaped, when it is JSON) and written again as
/// <c>event:</c> and <c>data:</c> lines, which a reader parses with <c>SseParser</c> as usual; comments, <c>id</c> and
/// <c>retry</c> are not passed on. Its bounds:
/// <list type="bullet">
/// <item>an event, terminators and comments included, of at most <see cref="ImageEditLimits.MaxStatusEventBytes"/>;</item>
/// <item>at most <see cref="ImageEditLimits.MaxStatusStreamBytes"/> read in all;</item>
/// <item>no more than <see cref="QwenImageEditVendorOptions.StatusStreamIdleTimeout"/> between two reads that bring
/// something (a comment counts: it is how a server says it is alive);</item>
/// </list>
/// past any of them the read throws (<see cref="ImageEditLimitExceededException"/>, <see cref="ImageEditTimeoutException"/>)
/// and the connection is closed. An event cut off by the end of the stream is not passed on, as the format says.
/// </summary>
internal sealed class ScrubbedEventStream : Stream
{
    private const int ExcerptLength = 512;

    private readonly ImageEditVendor _vendor;
    private readonly Stream _inner;
    private readonly IDisposable _owner;
    private readonly SecretScrubber _scrubber;
    private readonly int _secretMargin;
    private readonly int _maxEventBytes;
    private readonly long _maxStreamBytes;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _time;
    private readonly byte[] _chunk = new byte[8 * 1024];

    // The current event's bytes as they came (bounded by _maxEventBytes), the current line's length, and whether the
    // last byte was a CR (whose LF, if it follows, ends the same line).
    private readonly MemoryStream _event = new();
    private int _lineLength;
    private bool _afterCr;

    // Events scrubbed and written again, waiting to be read.
    private readonly Queue<byte[]> _ready = new();
    private byte[] _current = [];
    private int _offset;
    private long _total;
    private bool _ended;

    /// <param name="vendor">Whose stream it is, for the exceptions.</param>
    /// <param name="inner">The connection's body.</param>
    /// <param name="owner">What to dispose with it (the vendor's response).</param>
    /// <param name="scrubber">The vendor's secrets.</param>
    /// <param name="longestSecret">The longest secret's length: an excerpt ends this far (times the longest encoding) before what was read, so it cannot end in a secret's first half.</param>
    /// <param name="limits">The event's and the stream's bounds.</param>
    /// <param name="idleTimeout">The longest silence between two reads.</param>
    /// <param name="time">The clock of that silence.</param>
    public ScrubbedEventStream(ImageEditVendor vendor, Stream inner, IDisposable owner, SecretScrubber scrubber, int longestSecret, ImageEditLimits limits, TimeSpan idleTimeout, TimeProvider time)
    {
        _vendor = vendor;
        _inner = inner;
        _owner = owner;
        _scrubber = scrubber;
        _secretMargin = longestSecret == 0 ? 0 : (longestSecret * 6) + 8; // \uXXXX is the longest form of a character
        _maxEventBytes = limits.MaxStatusEventBytes;
        _maxStreamBytes = limits.MaxStatusStreamBytes;
        _idleTimeout = idleTimeout;
        _time = time;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _current.Length)
        {
            if (_ready.TryDequeue(out var next))
            {
                (_current, _offset) = (next, 0);
                continue;
            }

            if (_ended || buffer.IsEmpty)
            {
                return 0;
            }

            var read = await ReadInnerAsync(cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _ended = true;
                continue;
            }

            _total += read;
            if (_total > _maxStreamBytes)
            {
                throw new ImageEditLimitExceededException(_vendor, nameof(ImageEditLimits.MaxStatusStreamBytes), _maxStreamBytes, $"{_vendor}'s status stream went past the {_maxStreamBytes}-byte limit (ImageEditLimits.MaxStatusStreamBytes); it was closed.");
            }

            Frame(_chunk.AsSpan(0, read));
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return count;
    }

    /// <summary>One read of the connection, given <see cref="_idleTimeout"/> to bring something.</summary>
    private async ValueTask<int> ReadInnerAsync(CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(_idleTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await _inner.ReadAsync(_chunk, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ImageEditTimeoutException(_vendor, $"{_vendor}'s status stream sent nothing for {_idleTimeout} (StatusStreamIdleTimeout); it was taken for stalled and closed.", error);
        }
    }

    /// <summary>Splits what arrived into lines, and the lines into events, each event passed on whole.</summary>
    private void Frame(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (_afterCr && b == (byte)'\n')
            {
                // The LF of a CRLF: the line ended at the CR.
                _afterCr = false;
                Keep(b);
                continue;
            }

            _afterCr = b == (byte)'\r';
            Keep(b);
            if (b is (byte)'\n' or (byte)'\r')
            {
                if (_lineLength == 0)
                {
                    Dispatch();
                }

                _lineLength = 0;
            }
            else
            {
                _lineLength++;
            }
        }
    }

    private void Keep(byte b)
    {
        if (_event.Length >= _maxEventBytes)
        {
            var excerpt = Excerpt();
            throw new ImageEditLimitExceededException(_vendor, nameof(ImageEditLimits.MaxStatusEventBytes), _maxEventBytes, $"{_vendor} sent a status event longer than the {_maxEventBytes}-byte limit (ImageEditLimits.MaxStatusEventBytes); the stream was closed.", excerpt);
        }

        _event.WriteByte(b);
    }

    /// <summary>The event read so far, parsed by the SSE rules, scrubbed, and queued as <c>event:</c> and <c>data:</c> lines.</summary>
    private void Dispatch()
    {
        var text = Encoding.UTF8.GetString(_event.GetBuffer(), 0, (int)_event.Length);
        _event.SetLength(0);
        string? type = null;
        StringBuilder? data = null;
        foreach (var line in text.Split(["\r\n", "\r", "\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            var field = line.StartsWith('\uFEFF') ? line[1..] : line;
            if (field.StartsWith(':'))
            {
                continue; // a comment
            }

            var colon = field.IndexOf(':');
            var (name, value) = colon < 0 ? (field, string.Empty) : (field[..colon], field[(colon + 1)..]);
            value = value.StartsWith(' ') ? value[1..] : value;
            if (name == "data")
            {
                (data ??= new StringBuilder()).Append(value).Append('\n');
            }
            else if (name == "event")
            {
                type = value;
            }
        }

        if (data is null)
        {
            return; // no data: no event, as the format says
        }

        var scrubbed = Scrub(data.ToString(0, data.Length - 1));
        var written = new StringBuilder();
        if (type is { Length: > 0 })
        {
            written.Append("event: ").Append(_scrubber.Scrub(type)).Append('\n');
        }

        foreach (var line in scrubbed.Split('\n'))
        {
            written.Append("data: ").Append(line).Append('\n');
        }

        _ready.Enqueue(Encoding.UTF8.GetBytes(written.Append('\n').ToString()));
    }

    /// <summary>An event's data: JSON with every string unescaped and scrubbed, anything else scrubbed as text.</summary>
    private string Scrub(string data)
    {
        if (_scrubber.IsEmpty)
        {
            return data;
        }

        var bytes = Encoding.UTF8.GetBytes(data);
        return _scrubber.ScrubJson(bytes) is { } json ? Encoding.UTF8.GetString(json.Span) : _scrubber.Scrub(data);
    }

    /// <summary>
    /// The start of the event that broke the limit, scrubbed as read; it ends well before what was read ends, so a secret
    /// cut by the limit cannot leave its first half in it.
    /// </summary>
    private string Excerpt()
    {
        var text = _scrubber.Scrub(Encoding.UTF8.GetString(_event.GetBuffer(), 0, (int)_event.Length));
        var end = Math.Min(ExcerptLength, text.Length - _secretMargin);
        return end <= 0 ? string.Empty : text[..end] + "...";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _owner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

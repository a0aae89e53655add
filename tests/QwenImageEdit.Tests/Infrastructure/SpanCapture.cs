using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace QwenImageEdit.Tests.Infrastructure;

/// <summary>
/// OpenTelemetry's SDK with the in-memory exporter, listening to the facade's source, HttpClient's and MEAI's, and the
/// spans of one test: those under a root span the capture starts, so edits of tests running beside it do not mix in.
/// </summary>
internal sealed class SpanCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("QwenImageEdit.Tests");

    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _provider;

    public SpanCapture(params string[] moreSources)
    {
        // The test's trace, known before any span starts: only its spans reach the in-memory exporter.
        var trace = ActivityTraceId.CreateRandom();
        _provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(QwenImageEditTelemetry.SourceName, "System.Net.Http", TestSource.Name)
            .AddSource(moreSources)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new OfTrace(trace, new SimpleActivityExportProcessor(new InMemoryExporter<Activity>(_exported)), _exported))
            .Build()!;
        Root = TestSource.StartActivity("test", ActivityKind.Internal, new ActivityContext(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))!;
    }

    /// <summary>The test's root span: started, and current, until <see cref="Spans"/> is read the first time.</summary>
    public Activity Root { get; }

    /// <summary>Every span of this test that ended, the root included once it is ended.</summary>
    public IReadOnlyList<Activity> Spans
    {
        get
        {
            _provider.ForceFlush();
            lock (_exported)
            {
                return _exported.ToArray();
            }
        }
    }

    public IReadOnlyList<Activity> Named(string name) => Spans.Where(s => s.DisplayName == name).ToArray();

    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => Spans.Where(s => s.ParentSpanId == parent.SpanId).ToArray();

    public void Dispose()
    {
        Root.Dispose();
        _provider.Dispose();
    }

    /// <summary>Passes on the spans of one trace, one at a time.</summary>
    private sealed class OfTrace(ActivityTraceId trace, BaseProcessor<Activity> next, object gate) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.TraceId == trace)
            {
                lock (gate)
                {
                    next.OnEnd(data);
                }
            }
        }

        protected override bool OnForceFlush(int timeoutMilliseconds) => next.ForceFlush(timeoutMilliseconds);

        protected override bool OnShutdown(int timeoutMilliseconds) => next.Shutdown(timeoutMilliseconds);
    }
}

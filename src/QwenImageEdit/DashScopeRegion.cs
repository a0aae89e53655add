namespace QwenImageEdit;

/// <summary>A region of Alibaba Cloud Model Studio (DashScope); each has its own endpoint and its own API keys.</summary>
public enum DashScopeRegion
{
    /// <summary>Singapore (international): <c>https://dashscope-intl.aliyuncs.com/api/v1</c>.</summary>
    Singapore,

    /// <summary>Beijing (China mainland): <c>https://dashscope.aliyuncs.com/api/v1</c>.</summary>
    Beijing,
}

import { describe, expect, it } from "vitest";
import { isPublishLabel } from "../lib/publish/publishButton";

describe("isPublishLabel", () => {
  it.each([
    "发布",
    "发表",
    "群发",
    "提交",
    "立即发布",
    "确认发表",
    "预览并发布",
    "发表文章",
    "发布微博",
    "定时发表",
    "Publish",
    "Post",
    "Submit now",
    "发表评论",
    "发布到微博",
    "Post comment",
    "Publish changes",
    "发布 ▾",
    "发布(Ctrl+Enter)",
    "立即发布 »",
    "Send",
    // Ant Design spaces a two-character label; traditional forms; the acts and objects of other sites
    "发 布",
    "发 表",
    "發布",
    "發佈文章",
    "发布头条",
    "发布微头条",
    "发布到专栏",
    "发布专栏文章",
    "投稿",
    "立即投稿",
  ])("%s publishes", (label) => expect(isPublishLabel(label)).toBe(true));

  it.each([
    "发送验证码",
    "发布会报名",
    "按发布时间排序",
    "Postpone",
    "取消发布",
    "保存草稿",
    "保 存",
    "取 消",
    "投稿须知",
    "撤回发表",
    "预览",
    "Repost later",
    "这是一段很长的说明文字，其中提到了发布和发表这些词语而已，不是按钮",
  ])("%s does not", (label) => expect(isPublishLabel(label)).toBe(false));
});

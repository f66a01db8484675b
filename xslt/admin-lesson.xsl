<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-lesson.xsl: a lesson's form, new or existing: its title, its
  text with the line marks explained, its reading time (a text lesson)
  or its video (uploaded with the form); an existing lesson shows its
  text as learners see it, its video and poster, and can be deleted
  while nobody has opened it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="admin-course.xsl"/>
  <xsl:include href="lesson-body.xsl"/>

  <xsl:template match="/page" mode="title">
    <xsl:choose>
      <xsl:when test="lesson/@id"><xsl:value-of select="lesson/@title"/></xsl:when>
      <xsl:otherwise>新课时</xsl:otherwise>
    </xsl:choose>
    <xsl:text> · </xsl:text>
    <xsl:value-of select="course/@title"/>
  </xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@code = 'no-title'">请填写课时名称。</xsl:when>
        <xsl:when test="@code = 'bad-title'">课时名称只能是一行文字，最长 64 个字。</xsl:when>
        <xsl:when test="@code = 'no-text'">请填写课时正文。</xsl:when>
        <xsl:when test="@code = 'bad-text'">正文含有不能保存的字符（如控制字符），请删除后再试。</xsl:when>
        <xsl:when test="@code = 'long-text'">正文太长（最多约 2 万字），请分成几个课时。</xsl:when>
        <xsl:when test="@code = 'bad-line'"><l:m>正文第 <xsl:value-of select="@line"/> 行只有标记、没有文字（如单独的“## ”或“- ”），请补上文字或删去该行。</l:m></xsl:when>
        <xsl:when test="@code = 'bad-minutes'">阅读时间应为 1–600 之间的整数分钟；不填则按字数估算。</xsl:when>
        <xsl:when test="@code = 'no-video'">请选择要上传的视频文件。</xsl:when>
        <xsl:when test="@code = 'not-video'">上传的文件不是可以播放的视频（或文件已损坏），未保存。请上传 WebM 或 MP4 视频。</xsl:when>
        <xsl:when test="@code = 'codec'">这段视频的编码浏览器无法播放，未保存。请转换为 WebM（VP9）或 MP4（H.264）后再上传。</xsl:when>
        <xsl:when test="@code = 'length'">视频时长应在 1 秒到 10 小时之间，且文件须完整，未保存。</xsl:when>
        <xsl:when test="@code = 'no-media'">服务器没有配置媒体目录（media_dir），暂时不能上传视频。请联系系统管理员。</xsl:when>
        <xsl:when test="@code = 'opened'">已经有人学习过这个课时，不能删除（学习记录需要保留）。可以修改它的内容。</xsl:when>
        <xsl:when test="@code = 'last'">这是已发布课程的唯一课时，不能删除。请先把课程改为草稿，或先添加其他课时。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template name="marks-help">
    <details class="help">
      <summary>正文的写法</summary>
      <p>每段之间空一行。行首加标记表示格式：</p>
      <ul>
        <li><l:m><code>## 标题</code>：小标题</l:m></li>
        <li><l:m><code>- 内容</code>：列表的一项</l:m></li>
        <li><l:m><code>1. 内容</code>：编号列表的一项</l:m></li>
        <li><l:m><code>&gt; 内容</code>：提示</l:m></li>
        <li><l:m><code>依据：《中华人民共和国消防法》第十六条</code>：内容的依据</l:m></li>
        <li><l:m><code>**重点**</code>：加粗（可用在任何一行中）</l:m></li>
      </ul>
    </details>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="c" select="course"/>
    <xsl:variable name="l" select="lesson"/>
    <xsl:variable name="typed" select="error"/>
    <xsl:variable name="video" select="$l/@kind = 'video'"/>
    <section class="card">
      <p><a href="/admin/courses/{$c/@id}"><l:m>返回课程：<xsl:value-of select="$c/@title"/></l:m></a></p>
      <h1>
        <xsl:choose>
          <xsl:when test="$l/@id"><xsl:value-of select="$l/@title"/></xsl:when>
          <xsl:when test="$video">新的视频课时</xsl:when>
          <xsl:otherwise>新的图文课时</xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:if test="$l/@id and $c/@status = 'published'">
        <p><a href="/learn/{$c/@ref}/{$l/@ref}">居民看到的课时页</a></p>
      </xsl:if>
      <xsl:apply-templates select="error"/>
      <form method="post" enctype="multipart/form-data" class="form">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$l/@id">/admin/lessons/<xsl:value-of select="$l/@id"/></xsl:when>
            <xsl:otherwise>/admin/courses/<xsl:value-of select="$c/@id"/>/lessons</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:call-template name="csrf"/>
        <xsl:if test="not($l/@id)"><input type="hidden" name="kind" value="{$l/@kind}"/></xsl:if>
        <label class="field">
          <span class="field-label">课时名称</span>
          <input name="title" type="text" maxlength="64" required="required">
            <xsl:attribute name="value">
              <xsl:choose>
                <xsl:when test="$typed/@title"><xsl:value-of select="$typed/@title"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$l/@title"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </input>
        </label>
        <xsl:if test="$video">
          <xsl:choose>
            <xsl:when test="/page/@media = 'no'">
              <p class="form-error">服务器没有配置媒体目录（media_dir），暂时不能上传视频。</p>
            </xsl:when>
            <xsl:otherwise>
              <label class="field">
                <span class="field-label">
                  <xsl:choose>
                    <xsl:when test="$l/@id">换一段视频（不换则不选）</xsl:when>
                    <xsl:otherwise>视频文件</xsl:otherwise>
                  </xsl:choose>
                </span>
                <input name="video" type="file" accept="video/webm,video/mp4,.webm,.mp4">
                  <xsl:if test="not($l/@id)"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
                </input>
              </label>
              <p class="note"><l:m>WebM（VP8/VP9/AV1）或 MP4（H.264），最大 <xsl:value-of select="/page/@max-upload"/> MB，时长 1 秒到 10 小时。时长按视频自动计算，封面取自视频画面。</l:m></p>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <label class="field">
          <span class="field-label">
            <xsl:choose>
              <xsl:when test="$video">视频下方的学习要点（可不填）</xsl:when>
              <xsl:otherwise>正文</xsl:otherwise>
            </xsl:choose>
          </span>
          <textarea name="text" rows="16">
            <xsl:if test="not($video)"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
            <xsl:choose>
              <xsl:when test="$typed/text"><xsl:value-of select="$typed/text"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$l/text"/></xsl:otherwise>
            </xsl:choose>
          </textarea>
        </label>
        <xsl:call-template name="marks-help"/>
        <xsl:if test="not($video)">
          <label class="field">
            <span class="field-label">阅读时间（分钟，不填则按每分钟 300 字估算）</span>
            <input name="minutes" type="number" min="1" max="600">
              <xsl:attribute name="value">
                <xsl:choose>
                  <xsl:when test="$typed/@minutes"><xsl:value-of select="$typed/@minutes"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$l/@minutes"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </input>
          </label>
        </xsl:if>
        <button type="submit" class="button">保存课时</button>
      </form>
    </section>
    <xsl:if test="$l/@id">
      <section class="card lesson" id="preview">
        <h2>居民看到的内容</h2>
        <p class="note"><l:m>
          <xsl:text>时长 </xsl:text>
          <xsl:call-template name="duration"><xsl:with-param name="s" select="$l/@seconds"/></xsl:call-template>
          <xsl:text> · 已有 </xsl:text>
          <xsl:value-of select="$l/@opened"/>
          <xsl:text> 人打开学习</xsl:text>
        </l:m></p>
        <xsl:if test="$video and $l/@video">
          <figure class="lesson-video">
            <video controls="controls" preload="metadata" width="100%" src="/media/{$l/@video}">
              <xsl:if test="$l/@poster"><xsl:attribute name="poster">/media/<xsl:value-of select="$l/@poster"/></xsl:attribute></xsl:if>
              你的浏览器不能播放这段视频。
            </video>
          </figure>
        </xsl:if>
        <xsl:apply-templates select="$l/body/*"/>
      </section>
      <xsl:if test="$l/@opened = 0">
        <section class="card">
          <h2>删除课时</h2>
          <form method="post" action="/admin/lessons/{$l/@id}/delete" class="form">
            <xsl:call-template name="csrf"/>
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required="required"/>
              <span><l:m>确认删除“<xsl:value-of select="$l/@title"/>”（还没有人学习过它）</l:m></span>

            </label>
            <button type="submit" class="button secondary">删除</button>
          </form>
        </section>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  unit-invites.xsl: an invitation file refused: each problem with its
  line and what stood there, how many there were, and that nothing was
  imported; then how the file should look.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">批量邀请未导入</xsl:template>

  <xsl:template match="problem">
    <li>
      <xsl:if test="@line &gt; 0"><l:m>第 <xsl:value-of select="@line"/> 行：</l:m></xsl:if>
      <xsl:choose>
        <xsl:when test="@code = 'columns'"><l:m>应为两列（姓名,手机号），这一行是“<xsl:value-of select="."/>”。</l:m></xsl:when>
        <xsl:when test="@code = 'name'"><l:m>姓名应为 1–16 个字，这一行是“<xsl:value-of select="."/>”。</l:m></xsl:when>
        <xsl:when test="@code = 'phone'"><l:m>“<xsl:value-of select="."/>”不是 11 位手机号。</l:m></xsl:when>
        <xsl:when test="@code = 'twice'"><l:m>手机号 <xsl:value-of select="."/> 在前面已经出现过。</l:m></xsl:when>
        <xsl:when test="@code = 'utf8'">不是 UTF-8 编码。Excel 保存的“CSV（逗号分隔）”是 GBK 编码，请另存为“CSV UTF-8（逗号分隔）”后重新上传。</xsl:when>
        <xsl:when test="@code = 'empty'">文件里没有名单。</xsl:when>
        <xsl:when test="@code = 'too-many'">名单超过 5,000 行，请分成几个文件上传。</xsl:when>
        <xsl:when test="@code = 'member'"><l:m>手机号 <xsl:value-of select="."/> 已是本单位成员。</l:m></xsl:when>
        <xsl:when test="@code = 'elsewhere'"><l:m>手机号 <xsl:value-of select="."/> 已在其他单位，或已被其他单位邀请。</l:m></xsl:when>
      </xsl:choose>
    </li>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="r" select="refused"/>
    <section class="card">
      <h1>名单没有导入</h1>
      <xsl:choose>
        <xsl:when test="not($r/@file)">
          <p class="form-error" role="alert">请选择要上传的 CSV 文件。</p>
        </xsl:when>
        <xsl:when test="not($r/problem)">
          <p class="form-error" role="alert">名单中有手机号刚刚被其他单位使用。请重新上传，页面会指出是哪一行。</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="form-error" role="alert">
            <l:m><xsl:value-of select="$r/@file"/> 中有 <xsl:value-of select="$r/@total"/> 处问题，没有导入任何一行。</l:m>
            <xsl:if test="$r/@total &gt; count($r/problem)"><l:m>下面列出前 <xsl:value-of select="count($r/problem)"/> 处。</l:m></xsl:if>
          </p>
          <ul class="problems">
            <xsl:apply-templates select="$r/problem"/>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
      <h2>名单的格式</h2>
      <p>每行一人，两列：姓名,手机号。第一行可以是标题（姓名,手机号）。最多 5,000 行。例如：</p>
      <pre class="sample">姓名,手机号
张三,13812345678
李四,13912345678</pre>
      <p><a class="button" href="/unit">返回我的单位</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>

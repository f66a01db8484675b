<?xml version="1.0" encoding="UTF-8"?>
<!-- admin-banks.xsl: bank versions; import a file; export; publish. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="admin-common.xsl"/>

  <xsl:template match="/page" mode="title">题库版本</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>题库版本</h1>
      <xsl:if test="refused">
        <p class="form-error" role="alert"><xsl:apply-templates select="refused"/></p>
      </xsl:if>
      <p><a href="/admin">返回管理首页</a> · <a href="/admin/questions">题库管理</a></p>
      <table class="log">
        <thead><tr><th>版本</th><th>名称</th><th>状态</th><th class="n">题数</th><th></th></tr></thead>
        <tbody>
          <xsl:for-each select="banks/bank">
            <tr>
              <td><l:m>第 <xsl:value-of select="@version"/> 版</l:m></td>
              <td><xsl:value-of select="@title"/></td>
              <td><xsl:apply-templates select="@status"/>
                <xsl:if test="@published"><br/><span class="note"><xsl:value-of select="@published"/></span></xsl:if></td>
              <td class="n"><xsl:value-of select="@questions"/></td>
              <td><a href="/admin/banks/{@version}/export">导出</a></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:call-template name="draft-actions"/>
    </section>
    <section class="card">
      <h2>导入题库文件</h2>
      <p class="note">文件格式见 sql/bank/README.md（XML，按 bank.rng 校验）。导入为草稿版本；文件有任何错误时不导入任何内容，并逐行列出问题。</p>
      <xsl:if test="import-errors">
        <div class="form-error" role="alert">
          <p>导入失败，未导入任何内容：</p>
          <xsl:choose>
            <xsl:when test="import-errors/@code = 'no-file'"><p>没有收到文件。</p></xsl:when>
            <xsl:when test="import-errors/@code"><p>文件无法读取。</p></xsl:when>
            <xsl:otherwise><pre class="errors"><xsl:value-of select="import-errors"/></pre></xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:if>
      <form method="post" action="/admin/banks/import" enctype="multipart/form-data" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">题库文件（.xml）</span>
          <input type="file" name="file" accept=".xml,application/xml,text/xml" required="required"/>
        </label>
        <button type="submit" class="button">导入</button>
      </form>
    </section>
  </xsl:template>

  <!-- Why an action on the versions was not done (fcgi/admin/banks.c). -->
  <xsl:template match="refused[@code = 'draft-open']">已有一个草稿版本正在编辑：请先发布它，再导入新的题库文件。</xsl:template>
  <xsl:template match="refused[@code = 'short']">
    <xsl:text>不能发布：草稿中适用于下列角色的题目少于每次答题的题数——</xsl:text>
    <xsl:for-each select="role">
      <xsl:if test="position() > 1">、</xsl:if>
      <l:m><xsl:value-of select="@name"/>（<xsl:value-of select="@has"/> 道，需要 <xsl:value-of select="@needed"/> 道）</l:m>
    </xsl:for-each>
    <xsl:text>。请补充题目，或在“角色与答题设置”中减少题数。</xsl:text>
  </xsl:template>
</xsl:stylesheet>

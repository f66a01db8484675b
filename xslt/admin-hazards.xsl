<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-hazards.xsl: hazard reports for triage: counts by status, the
  filters (status, street or town, category), the reports with a place
  drawn over the streets and towns (SVG, no map tiles), and the list,
  oldest open first, with who acts next.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="hazard-names.xsl"/>

  <xsl:template match="/page" mode="title">隐患曝光</xsl:template>

  <xsl:template name="query">
    <xsl:param name="status" select="filter/@status"/>
    <xsl:param name="page" select="1"/>
    <xsl:text>/admin/hazards?status=</xsl:text><xsl:value-of select="$status"/>
    <xsl:if test="filter/@region != 0">&amp;region=<xsl:value-of select="filter/@region"/></xsl:if>
    <xsl:if test="filter/@category != ''">&amp;category=<xsl:value-of select="filter/@category"/></xsl:if>
    <xsl:if test="$page &gt; 1">&amp;page=<xsl:value-of select="$page"/></xsl:if>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="f" select="filter"/>
    <section class="card">
      <h1>隐患曝光</h1>
      <p><a href="/admin">返回管理首页</a> · <a href="/hazards">居民看到的页面</a></p>
      <p class="tabs">
        <xsl:call-template name="tab"><xsl:with-param name="s" select="''"/><xsl:with-param name="name" select="'全部'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'new'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'verified'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'assigned'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'rectifying'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'rectified'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'closed'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="s" select="'rejected'"/></xsl:call-template>
      </p>
      <form method="get" action="/admin/hazards" class="form filters">
        <input type="hidden" name="status" value="{$f/@status}"/>
        <xsl:if test="$f/@street = 0">
          <label class="field"><span class="field-label">镇街</span>
            <select name="region">
              <option value="">全部镇街</option>
              <xsl:for-each select="regions/region">
                <option value="{@id}"><xsl:if test="@id = $f/@region"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="@name"/></option>
              </xsl:for-each>
            </select></label>
        </xsl:if>
        <label class="field"><span class="field-label">类别</span>
          <select name="category">
            <option value="">全部类别</option>
            <xsl:call-template name="hazard-category-options"><xsl:with-param name="sel" select="$f/@category"/></xsl:call-template>
          </select></label>
        <button type="submit" class="button secondary">筛选</button>
      </form>
    </section>
    <xsl:if test="map/area">
      <section class="card" aria-labelledby="map-h">
        <h2 id="map-h">分布图</h2>
        <svg class="stat-map hazard-map" viewBox="0 0 {map/@width} {map/@height}" role="group"
            aria-label="已定位的隐患报告在各镇街的分布，点的颜色表示办理状态；下方列表列出同样的报告">
          <xsl:for-each select="map/area">
            <path class="area" d="{@d}">
              <title><xsl:value-of select="/page/regions/region[@id = current()/@region]/@name"/></title>
            </path>
          </xsl:for-each>
          <xsl:for-each select="dots/dot">
            <a href="/admin/hazards/{@id}">
              <circle class="dot {@status}" cx="{@x}" cy="{@y}" r="4">
                <title><xsl:call-template name="hazard-category"/>（<xsl:call-template name="hazard-status"/>）</title>
              </circle>
            </a>
          </xsl:for-each>
        </svg>
        <p class="legend">
          <span class="key dot-open"></span>待核实、待交办
          <span class="key dot-working"></span>整改中
          <span class="key dot-done"></span>已整改、已办结
          <span class="key dot-rejected"></span>不予受理
          <span class="note"><l:m>（共 <xsl:value-of select="count(dots/dot)"/> 条有定位的报告）</l:m></span>

        </p>
      </section>
    </xsl:if>
    <section class="card">
      <xsl:choose>
        <xsl:when test="reports/report">
          <div class="scroll" tabindex="0">
            <table class="records">
              <thead>
                <tr><th scope="col">编号</th><th scope="col">类别</th><th scope="col">镇街</th><th scope="col">提交时间</th>
                  <th scope="col">状态</th><th scope="col">待办</th><th scope="col" class="n">未变化天数</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="reports/report">
                  <tr>
                    <td><a href="/admin/hazards/{@id}"><xsl:value-of select="@ref"/></a>
                      <xsl:if test="@moderated = 0"><xsl:text> </xsl:text><span class="badge">待审核</span></xsl:if></td>
                    <td><xsl:call-template name="hazard-category"/>
                      <xsl:if test="@additions &gt; 0"><span class="note">（+<xsl:value-of select="@additions"/>）</span></xsl:if>
                      <div class="note"><xsl:value-of select="@excerpt"/></div></td>
                    <td><xsl:value-of select="@region"/></td>
                    <td class="nowrap"><xsl:value-of select="@at"/></td>
                    <td class="hazard-status {@status}"><xsl:call-template name="hazard-status"/></td>
                    <td><xsl:call-template name="hazard-waiting"/></td>
                    <td class="n"><xsl:value-of select="@idle"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <p>
            <xsl:if test="$f/@page &gt; 1"><a><xsl:attribute name="href"><xsl:call-template name="query"><xsl:with-param name="page" select="$f/@page - 1"/></xsl:call-template></xsl:attribute>上一页</a> </xsl:if>
            <xsl:if test="reports/@more"><a><xsl:attribute name="href"><xsl:call-template name="query"><xsl:with-param name="page" select="reports/@more"/></xsl:call-template></xsl:attribute>下一页</a></xsl:if>
          </p>
        </xsl:when>
        <xsl:otherwise><p class="note">没有符合条件的报告。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="tab">
    <xsl:param name="s"/>
    <xsl:param name="name"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$s = ''"><xsl:value-of select="sum(/page/counts/count/@n)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="sum(/page/counts/count[@status = $s]/@n)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="$name"><xsl:value-of select="$name"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="hazard-status"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="/page/filter/@status = $s"><strong><xsl:value-of select="$label"/>（<xsl:value-of select="$n"/>）</strong></xsl:when>
      <xsl:otherwise><a><xsl:attribute name="href"><xsl:for-each select="/page"><xsl:call-template name="query"><xsl:with-param name="status" select="$s"/></xsl:call-template></xsl:for-each></xsl:attribute><xsl:value-of select="$label"/>（<xsl:value-of select="$n"/>）</a></xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>

<?xml version="1.0" encoding="UTF-8"?>
<!--
  hazard-new.xsl: reporting a hazard. Step one: what (a category) and
  where (static/js/locate.js asks the browser for its position; an
  address with its street or town works without it). Step two: the open
  reports of the same category within 50 m (or, without a position, in
  the same street or town), each of which can be added to instead, and
  the rest of the form: what was seen, up to three photos, a contact.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="hazard-names.xsl"/>

  <xsl:template match="/page" mode="title">我要曝光隐患</xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="f" select="form"/>
    <xsl:choose>
      <xsl:when test="$f/@step = '2'">
        <xsl:call-template name="step-two"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="step-one"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="category-select">
    <label class="field"><span class="field-label">隐患类别</span>
      <select name="category" required="required">
        <option value="">请选择</option>
        <xsl:call-template name="hazard-category-options">
          <xsl:with-param name="sel" select="form/@category"/>
        </xsl:call-template>
      </select>
    </label>
  </xsl:template>

  <xsl:template name="step-one">
    <section class="card">
      <p class="steps-bar"><span class="on">① 类别和位置</span><span>② 描述和照片</span><span>③ 查询编号</span></p>
      <h1>我要曝光隐患</h1>
      <xsl:apply-templates select="error" mode="hazard"/>
      <form method="get" action="/hazards/new" id="locate-form" class="form">
        <xsl:call-template name="category-select"/>
        <input type="hidden" name="lng" id="lng"/>
        <input type="hidden" name="lat" id="lat"/>
        <button type="button" class="button" id="locate-button" hidden="hidden">用当前位置定位</button>
        <p class="note" id="locate-status" role="status"
            data-msg-locating="正在获取位置……"
            data-msg-located="已获取位置，正在确认所在镇街……"
            data-msg-denied="未获得定位授权。请在浏览器设置中允许定位，或在下方手动选择镇街。"
            data-msg-failed="暂时无法获取位置，请重试或在下方手动选择镇街。"></p>
      </form>
    </section>
    <section class="card">
      <h2>填写地址</h2>
      <p class="note">不方便定位，或者隐患不在你现在的位置，可以填写地址并选择镇街。</p>
      <form method="get" action="/hazards/new" class="form">
        <xsl:call-template name="category-select"/>
        <label class="field"><span class="field-label">详细地址（小区、楼栋、门牌或店名）</span>
          <input name="address" type="text" maxlength="200" required="required" value="{form/@address}"/></label>
        <label class="field"><span class="field-label">所在镇街</span>
          <select name="region">
            <option value="">按地址判断</option>
            <xsl:for-each select="regions/region">
              <option value="{@id}">
                <xsl:if test="@id = /page/form/@region"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="@name"/>
              </option>
            </xsl:for-each>
          </select>
        </label>
        <button type="submit" class="button secondary">下一步</button>
      </form>
    </section>
    <script src="/static/js/locate.js"></script>
  </xsl:template>

  <xsl:template name="step-two">
    <xsl:variable name="f" select="form"/>
    <section class="card">
      <p class="steps-bar"><span class="done">① 类别和位置</span><span class="on">② 描述和照片</span><span>③ 查询编号</span></p>
      <h1><xsl:call-template name="hazard-category"><xsl:with-param name="c" select="$f/@category"/></xsl:call-template></h1>
      <p>
        <xsl:value-of select="regions/region[@id = $f/@region]/@name"/>
        <xsl:if test="$f/@address"> · <xsl:value-of select="$f/@address"/></xsl:if>
        <xsl:if test="$f/@lng"> · 已定位</xsl:if>
        <xsl:text> </xsl:text><a class="small" href="/hazards/new">重新选择</a>
      </p>
    </section>
    <xsl:if test="near/report">
      <section class="card" aria-labelledby="near-h">
        <h2 id="near-h">
          <xsl:choose>
            <xsl:when test="near/@by = 'distance'"><l:m>附近 <xsl:value-of select="near/@metres"/> 米内已有人反映同类隐患</l:m></xsl:when>
            <xsl:otherwise>这个镇街已有同类隐患正在处理</xsl:otherwise>
          </xsl:choose>
        </h2>
        <p class="note">如果是同一处隐患，请打开它并点“我也看到了”补充说明或照片，不必重复提交；处理进度会一并公开。</p>
        <ul class="hazard-list">
          <xsl:for-each select="near/report">
            <li>
              <a href="/hazards/{@id}">
                <xsl:choose>
                  <xsl:when test="@metres"><l:m>相距约 <xsl:value-of select="@metres"/> 米</l:m></xsl:when>
                  <xsl:otherwise><l:m><xsl:value-of select="@day"/> 提交</l:m></xsl:otherwise>
                </xsl:choose>
              </a>
              <span class="note"> · <xsl:value-of select="@day"/> · </span>
              <span class="hazard-status {@status}"><xsl:call-template name="hazard-status"/></span>
              <xsl:if test="@additions &gt; 0"><span class="note"><l:m>（另有 <xsl:value-of select="@additions"/> 人反映）</l:m></span></xsl:if>
              <p class="hazard-excerpt">
                <xsl:choose>
                  <xsl:when test="@moderated = 1"><xsl:value-of select="substring(@public-text, 1, 80)"/></xsl:when>
                  <xsl:otherwise><span class="note">（内容审核中）</span></xsl:otherwise>
                </xsl:choose>
              </p>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <section class="card">
      <h2>描述隐患</h2>
      <xsl:apply-templates select="error" mode="hazard"/>
      <form method="post" action="/hazards" enctype="multipart/form-data" class="form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="category" value="{$f/@category}"/>
        <xsl:choose>
          <xsl:when test="$f/@lng">
            <input type="hidden" name="lng" value="{$f/@lng}"/>
            <input type="hidden" name="lat" value="{$f/@lat}"/>
            <label class="field"><span class="field-label">位置补充（楼栋、楼层、门牌，可不填）</span>
              <input name="address" type="text" maxlength="200" value="{$f/@address}"/></label>
          </xsl:when>
          <xsl:otherwise>
            <input type="hidden" name="address" value="{$f/@address}"/>
            <input type="hidden" name="region" value="{$f/@region}"/>
          </xsl:otherwise>
        </xsl:choose>
        <label class="field"><span class="field-label">看到的情况</span>
          <textarea name="description" rows="5" maxlength="1000" required="required"><xsl:value-of select="$f/@description"/></textarea></label>
        <label class="field"><span class="field-label">照片（最多 3 张，每张不超过 10 MB）</span>
          <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" multiple="multiple"/></label>
        <p class="note">照片上传后会重新生成，手机记录的拍摄位置等信息不会保存。</p>
        <label class="field"><span class="field-label">称呼（可不填）</span>
          <input name="name" type="text" maxlength="32" autocomplete="name" value="{$f/@name}"/></label>
        <label class="field"><span class="field-label">手机号（可不填，方便工作人员核实；不会公开）</span>
          <input name="phone" type="tel" inputmode="numeric" maxlength="11" autocomplete="tel" value="{$f/@phone}"/></label>
        <button type="submit" class="button">提交</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
